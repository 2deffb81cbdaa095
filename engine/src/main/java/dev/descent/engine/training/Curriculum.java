package dev.descent.engine.training;

import dev.descent.engine.data.Samples;
import dev.descent.engine.model.NetworkFactory;
import dev.descent.engine.spec.CurriculumSpec;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A job's curriculum ({@link CurriculumSpec}; Bengio, Louradour, Collobert and Weston, "Curriculum learning", ICML
 * 2009): the training examples ordered easy to hard by their per-example loss (without regularization terms, in
 * inference mode) under a scoring network, ties by original index, and epoch e's part of the set, the
 * {@link CurriculumSpec#size} easiest. The order is computed once, when the run starts fresh, and stored in every
 * checkpoint as {@value #ENTRY}, so a resumed run trains on exactly the same subsets whatever the scorer became.
 */
public final class Curriculum {
  static final String ENTRY = "descent-curriculum.bin";
  private static final int CHUNK = 1024;

  private final CurriculumSpec spec;
  private final Samples train;
  private final int[] order;

  private Curriculum(CurriculumSpec spec, Samples train, int[] order) {
    this.spec = spec;
    this.train = train;
    this.order = order;
  }

  /**
   * The curriculum of a run over {@code train}: the order stored in {@code resumeFrom} when it has one, else the
   * order {@code scorer} gives. Null for a job without a curriculum.
   */
  static Curriculum of(CurriculumSpec spec, Samples train, byte[] resumeFrom, Supplier<MultiLayerNetwork> scorer) {
    if (spec == null) {
      return null;
    }
    byte[] stored = resumeFrom == null ? null : CheckpointZip.entry(resumeFrom, ENTRY);
    return new Curriculum(spec, train, stored != null ? decode(stored) : order(scorer.get(), train));
  }

  /** The row indexes of {@code train} from the lowest loss under {@code scorer} to the highest, ties by index. */
  static int[] order(MultiLayerNetwork scorer, Samples train) {
    double[] losses = new double[train.size()];
    for (int from = 0; from < losses.length; from += CHUNK) {
      int to = Math.min(losses.length, from + CHUNK);
      DataSet chunk = train.subset(IntStream.range(from, to).toArray()).toDataSet();
      INDArray scores = scorer.scoreExamples(chunk, false);
      for (int i = from; i < to; i++) {
        losses[i] = scores.getDouble(i - from);
      }
    }
    return IntStream.range(0, losses.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> losses[i]).thenComparingInt(i -> i))
        .mapToInt(Integer::intValue).toArray();
  }

  /** How many examples epoch {@code epoch} (0-based) trains on. */
  int size(int epoch) {
    return spec.size(order.length, epoch);
  }

  /** Epoch {@code epoch}'s training examples: the {@link #size} easiest, easiest first. */
  Samples train(int epoch) {
    return train.subset(Arrays.copyOf(order, size(epoch)));
  }

  /** The order as a checkpoint entry: the count, then the indexes, big-endian ints. */
  byte[] state() {
    ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES * (order.length + 1)).putInt(order.length);
    for (int index : order) {
      buffer.putInt(index);
    }
    return buffer.array();
  }

  private static int[] decode(byte[] state) {
    ByteBuffer buffer = ByteBuffer.wrap(state);
    int[] out = new int[buffer.getInt()];
    for (int i = 0; i < out.length; i++) {
      out[i] = buffer.getInt();
    }
    return out;
  }

  /**
   * The problems (at {@code /curriculum/scoredBy}) of scoring {@code spec}'s examples with the network in the
   * checkpoint content {@code source}, for the submit check: it must have the job's layers with the same parameter
   * shapes; none when it fits.
   */
  public static List<Violation> check(TrainingSpec spec, byte[] source) {
    return check(spec, NetworkFactory.build(spec, 1), NetworkSnapshots.read(source));
  }

  /** The network of the checkpoint content {@code source}, checked to fit {@code network} (same shapes). */
  static MultiLayerNetwork scorer(TrainingSpec spec, MultiLayerNetwork network, byte[] source) {
    if (source == null) {
      throw new IllegalStateException("the job's curriculum is scored by job " + spec.curriculum().scoredBy()
          + " but its checkpoint " + spec.curriculum().checkpoint() + " is not available (deleted?)");
    }
    MultiLayerNetwork scorer = NetworkSnapshots.read(source);
    List<Violation> problems = check(spec, network, scorer);
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    return scorer;
  }

  private static List<Violation> check(TrainingSpec spec, MultiLayerNetwork network, MultiLayerNetwork source) {
    String here = WarmStart.shapes(network);
    String there = WarmStart.shapes(source);
    return here.equals(there) ? List.of() : List.of(new Violation("/curriculum/scoredBy",
        "job " + spec.curriculum().scoredBy() + "'s network has parameter shapes " + there
            + " but this job's has " + here));
  }
}
