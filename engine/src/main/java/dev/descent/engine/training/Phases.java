package dev.descent.engine.training;

import dev.descent.engine.spec.PhaseSpec;
import dev.descent.engine.spec.TrainingSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each epoch of a job lies: its phase ({@link PhaseSpec}; a job without phases is one segment of the spec's
 * epochs and batch size), its batch size, and the iteration it starts at. An epoch has ⌈samples(e) / batch size⌉
 * batches, where samples(e) is the whole training part, or with a {@link Curriculum} epoch e's part of it, so the
 * batch count may change from epoch to epoch. Maps a network's iteration count back to (epoch, batch), so a run
 * resumed in any phase and any curriculum epoch continues at the same batch. A segment's {@code perEpoch} is the batch
 * count of a whole-set epoch, the unit in which epoch-based schedules count.
 */
final class Phases {
  /** Epochs {@code [firstEpoch, firstEpoch + epochs)} of phase {@code index}, starting at {@code firstIteration}. */
  record Segment(int index, PhaseSpec phase, int firstEpoch, int epochs, int batchSize, int perEpoch,
      long firstIteration) {}

  /** A 0-based epoch and the batch within it. */
  record Position(int epoch, int batch) {}

  private final List<Segment> segments;
  /** The iteration each epoch starts at; the last element is the total. */
  private final long[] epochStarts;

  private Phases(List<Segment> segments, long[] epochStarts) {
    this.segments = List.copyOf(segments);
    this.epochStarts = epochStarts;
  }

  /** The epochs of {@code spec} over {@code samples} training samples, each epoch's part by {@code curriculum}. */
  static Phases of(TrainingSpec spec, int samples, Curriculum curriculum) {
    List<Segment> out = new ArrayList<>();
    if (spec.phases().isEmpty()) {
      out.add(new Segment(0, null, 0, spec.epochs(), spec.batchSize(), perEpoch(samples, spec.batchSize()), 0));
    }
    int epoch = 0;
    for (PhaseSpec phase : spec.phases()) {
      out.add(new Segment(out.size(), phase, epoch, phase.epochs(), phase.batchSize(),
          perEpoch(samples, phase.batchSize()), 0));
      epoch += phase.epochs();
    }
    long[] starts = new long[spec.epochs() + 1];
    List<Segment> segments = new ArrayList<>();
    for (Segment s : out) {
      segments.add(new Segment(s.index(), s.phase(), s.firstEpoch(), s.epochs(), s.batchSize(), s.perEpoch(),
          starts[s.firstEpoch()]));
      for (int e = s.firstEpoch(); e < s.firstEpoch() + s.epochs(); e++) {
        starts[e + 1] = starts[e] + perEpoch(curriculum == null ? samples : curriculum.size(e), s.batchSize());
      }
    }
    return new Phases(segments, starts);
  }

  private static int perEpoch(int samples, int batchSize) {
    return (samples + batchSize - 1) / batchSize;
  }

  boolean phased() {
    return segments.get(0).phase() != null;
  }

  Segment atEpoch(int epoch) {
    for (Segment segment : segments) {
      if (epoch < segment.firstEpoch() + segment.epochs()) {
        return segment;
      }
    }
    return segments.get(segments.size() - 1);
  }

  /** The iteration epoch {@code epoch} starts at. */
  long epochStart(int epoch) {
    return epochStarts[epoch];
  }

  long totalIterations() {
    return epochStarts[epochStarts.length - 1];
  }

  /** The epoch and batch of the update that follows {@code iteration} earlier ones (past the end: the end). */
  Position position(long iteration) {
    int epochs = epochStarts.length - 1;
    if (iteration >= epochStarts[epochs]) {
      return new Position(epochs, 0);
    }
    int at = Arrays.binarySearch(epochStarts, iteration);
    int epoch = at >= 0 ? at : -at - 2; // the starts rise strictly: every epoch has at least one batch
    return new Position(epoch, (int) (iteration - epochStarts[epoch]));
  }
}
