package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.data.TrainingData;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.MetricSink;
import dev.descent.engine.spi.ProgressSink;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class NetworkSnapshotsTests {
  private static final TrainingSpec SPEC = SpecParser.parse("{\"seed\":3,\"dataset\":{\"name\":\"wine\"},"
      + "\"model\":{\"layers\":[{\"type\":\"dense\",\"units\":12},{\"type\":\"output\"}]},"
      + "\"optimizer\":{\"type\":\"adam\",\"lr\":0.01},\"epochs\":4,\"batchSize\":20,"
      + "\"checkpoint\":{\"everyEpochs\":2}}", EngineLimits.DEFAULTS);
  private static final TrainingData DATA = TrainingData.prepare(SPEC.dataset(), SPEC.seed());

  private static TrainingLoop loop(byte[] resumeFrom, List<Checkpoint> sink) {
    return TrainingLoop.create(SPEC, DATA, resumeFrom,
        new LoopPorts(MetricSink.NONE, sink::add, ProgressSink.NONE, CancellationToken.NEVER));
  }

  @Test
  void checkpointRestoresIdenticalPredictionsAndUpdaterState() throws Exception {
    List<Checkpoint> checkpoints = new ArrayList<>();
    TrainingLoop trained = loop(null, checkpoints);
    trained.run();
    Checkpoint last = checkpoints.get(checkpoints.size() - 1);
    MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(
        new java.io.ByteArrayInputStream(last.content()), true);

    INDArray x = DATA.validation().toDataSet().getFeatures();
    assertThat(restored.output(x)).isEqualTo(trained.network().output(x));
    INDArray state = trained.network().getUpdater().getStateViewArray();
    assertThat(state.amaxNumber().doubleValue()).isGreaterThan(0);
    assertThat(restored.getUpdater().getStateViewArray()).isEqualTo(state);
    assertThat(restored.getIterationCount()).isEqualTo(trained.network().getIterationCount());
    assertThat(restored.getEpochCount()).isEqualTo(4);
  }

  @Test
  void resumingFromAPeriodicCheckpointContinuesBitIdentically() {
    List<Checkpoint> checkpoints = new ArrayList<>();
    TrainingLoop full = loop(null, checkpoints);
    full.run();
    Checkpoint periodic = checkpoints.get(0);
    assertThat(periodic.kind()).isEqualTo("periodic");
    assertThat(periodic.epoch()).isEqualTo(2);

    List<Checkpoint> resumedCheckpoints = new ArrayList<>();
    TrainingLoop resumed = loop(periodic.content(), resumedCheckpoints);
    LoopResult result = resumed.run();
    assertThat(result.iterations()).isEqualTo(full.network().getIterationCount());
    assertThat(resumed.network().params()).isEqualTo(full.network().params());
    assertThat(resumedCheckpoints).extracting(Checkpoint::kind).containsExactly("final");
  }
}
