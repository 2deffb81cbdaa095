package dev.descent.engine.training;

import dev.descent.engine.spec.PhaseSpec;
import dev.descent.engine.spec.TrainingSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each epoch of a job lies: its phase ({@link PhaseSpec}; a job without phases is one segment of the spec's
 * epochs and batch size), its batch size and batches per epoch, and the iteration it starts at. Maps a network's
 * iteration count back to (epoch, batch), so a run resumed in any phase continues at the same batch.
 */
final class Phases {
  /** Epochs {@code [firstEpoch, firstEpoch + epochs)} of phase {@code index}, starting at {@code firstIteration}. */
  record Segment(int index, PhaseSpec phase, int firstEpoch, int epochs, int batchSize, int perEpoch,
      long firstIteration) {
    long endIteration() {
      return firstIteration + (long) epochs * perEpoch;
    }
  }

  /** A 0-based epoch and the batch within it. */
  record Position(int epoch, int batch) {}

  private final List<Segment> segments;

  private Phases(List<Segment> segments) {
    this.segments = List.copyOf(segments);
  }

  static Phases of(TrainingSpec spec, int samples) {
    if (spec.phases().isEmpty()) {
      return new Phases(List.of(new Segment(0, null, 0, spec.epochs(), spec.batchSize(),
          perEpoch(samples, spec.batchSize()), 0)));
    }
    List<Segment> out = new ArrayList<>();
    int epoch = 0;
    long iteration = 0;
    for (PhaseSpec phase : spec.phases()) {
      Segment segment = new Segment(out.size(), phase, epoch, phase.epochs(), phase.batchSize(),
          perEpoch(samples, phase.batchSize()), iteration);
      out.add(segment);
      epoch += phase.epochs();
      iteration = segment.endIteration();
    }
    return new Phases(out);
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

  long totalIterations() {
    return segments.get(segments.size() - 1).endIteration();
  }

  /** The epoch and batch of the update that follows {@code iteration} earlier ones (past the end: the end). */
  Position position(long iteration) {
    for (Segment s : segments) {
      if (iteration < s.endIteration()) {
        long into = iteration - s.firstIteration();
        return new Position(s.firstEpoch() + (int) (into / s.perEpoch()), (int) (into % s.perEpoch()));
      }
    }
    Segment last = segments.get(segments.size() - 1);
    return new Position(last.firstEpoch() + last.epochs(), 0);
  }
}
