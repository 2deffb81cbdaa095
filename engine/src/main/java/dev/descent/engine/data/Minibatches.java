package dev.descent.engine.data;

import java.util.Random;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The training part cut into minibatches, reshuffled at the start of every epoch by a permutation that depends only
 * on (seed, epoch), so batch {@code b} of epoch {@code e} is always the same samples and a run can resume at
 * (epoch, batch index). The last batch holds the remainder. Each epoch's shuffle gathers the rows into two buffers
 * allocated once; the batches are fixed views into them, so iterating allocates nothing.
 */
public final class Minibatches {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final INDArray features;
  private final INDArray labels;
  private final INDArray shuffledFeatures;
  private final INDArray shuffledLabels;
  private final DataSet[] batches;
  private final int[] order;
  private final long seed;

  public Minibatches(Samples train, int batchSize, long seed) {
    DataSet all = train.toDataSet();
    this.features = all.getFeatures();
    this.labels = all.getLabels();
    this.shuffledFeatures = features.dup();
    this.shuffledLabels = labels.dup();
    this.order = new int[train.size()];
    this.seed = seed;
    int size = Math.min(batchSize, train.size());
    this.batches = IntStream.range(0, (train.size() + size - 1) / size)
        .mapToObj(b -> view(b * size, Math.min(train.size(), (b + 1) * size)))
        .toArray(DataSet[]::new);
  }

  public int batchCount() {
    return batches.length;
  }

  public int sampleCount() {
    return order.length;
  }

  /** Reorders the samples for {@code epoch} (0-based); the batches then hold that epoch's samples. */
  public void shuffle(int epoch) {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Shuffle.inPlace(order, new Random(seed ^ (GOLDEN_GAMMA * (epoch + 1L))));
    Nd4j.pullRows(features, shuffledFeatures, 1, order);
    Nd4j.pullRows(labels, shuffledLabels, 1, order);
  }

  /** Batch {@code index} of the current epoch: a view, valid until the next {@link #shuffle}. */
  public DataSet batch(int index) {
    return batches[index];
  }

  private DataSet view(int from, int to) {
    return new DataSet(
        shuffledFeatures.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()),
        shuffledLabels.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()));
  }
}
