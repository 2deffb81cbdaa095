package dev.descent.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.spec.DatasetSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MinibatchesTests {
  private static final Samples DATA = SyntheticDatasets.generate(
      new DatasetSpec("blobs", 0, false, 50, 3, 2, 1.0), 9);

  private static INDArray epoch(Minibatches batches, int epoch) {
    batches.shuffle(epoch);
    List<INDArray> parts = new ArrayList<>();
    for (int b = 0; b < batches.batchCount(); b++) {
      parts.add(batches.batch(b).getFeatures().dup());
    }
    return Nd4j.vstack(parts);
  }

  @Test
  void coversEverySampleOncePerEpochWithRemainderBatch() {
    Minibatches batches = new Minibatches(DATA, 16, 1);
    assertThat(batches.batchCount()).isEqualTo(4);
    batches.shuffle(0);
    assertThat(batches.batch(3).numExamples()).isEqualTo(2);
    INDArray shuffled = epoch(batches, 0);
    INDArray original = DATA.toDataSet().getFeatures();
    assertThat(shuffled.sum(0)).isEqualTo(original.sum(0));
    assertThat(shuffled).isNotEqualTo(original);
  }

  @Test
  void orderDependsOnlyOnSeedAndEpoch() {
    Minibatches a = new Minibatches(DATA, 16, 1);
    Minibatches b = new Minibatches(DATA, 16, 1);
    INDArray epoch2 = epoch(a, 2);
    epoch(b, 0);
    assertThat(epoch(b, 2)).isEqualTo(epoch2);
    assertThat(epoch(a, 3)).isNotEqualTo(epoch2);
    assertThat(epoch(new Minibatches(DATA, 16, 2), 2)).isNotEqualTo(epoch2);
  }

  @Test
  void labelsFollowTheirFeatures() {
    Minibatches batches = new Minibatches(DATA, 50, 4);
    batches.shuffle(1);
    INDArray x = batches.batch(0).getFeatures();
    INDArray y = batches.batch(0).getLabels();
    for (int i = 0; i < DATA.size(); i++) {
      int row = findRow(x.getRow(i));
      assertThat(y.getRow(i).argMax().getInt(0)).isEqualTo(DATA.labels()[row]);
    }
  }

  private static int findRow(INDArray features) {
    for (int r = 0; r < DATA.size(); r++) {
      if (Nd4j.createFromArray(DATA.features()[r]).equals(features)) {
        return r;
      }
    }
    throw new AssertionError("row not found");
  }
}
