package dev.descent.engine.layers.residual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.layers.batchnorm.BatchNormParamInitializer;
import dev.descent.engine.support.DoublePrecision;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * A residual block in training: checkpoints restore it exactly (configuration, parameters, batch-norm running
 * statistics and the inner layers' updater state), the optimizer never updates the running statistics, workspaces
 * change nothing, and an inner layer's dropout acts in training only.
 */
@ExtendWith(DoublePrecision.class)
class ResidualBlockTrainingTests {
  private static final int MINIBATCH = 8;
  private static final String RUNNING_MEAN = "1-" + BatchNormParamInitializer.RUNNING_MEAN;
  private static final String RUNNING_VAR = "1-" + BatchNormParamInitializer.RUNNING_VAR;

  private static void train(MultiLayerNetwork net, boolean images, int steps) {
    for (int step = 0; step < steps; step++) {
      net.fit(ResidualNetworks.features(images, MINIBATCH, 100 + step), ResidualNetworks.labels(MINIBATCH, step));
    }
  }

  @Test
  void aRestoredNetworkGivesIdenticalOutputsAndTrainsOnIdentically() throws IOException {
    MultiLayerNetwork net = ResidualNetworks.conv(new Adam(0.05));
    train(net, true, 3);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelSerializer.writeModel(net, bytes, true);
    MultiLayerNetwork restored =
        ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);

    INDArray x = ResidualNetworks.features(true, MINIBATCH, 3);
    assertThat(restored.getLayer(1)).isInstanceOf(ResidualBlockLayer.class);
    assertThat(restored.getLayer(1).getParam(RUNNING_VAR)).isEqualTo(net.getLayer(1).getParam(RUNNING_VAR));
    assertThat(restored.output(x, false)).isEqualTo(net.output(x, false));
    train(net, true, 2);
    train(restored, true, 2);
    assertThat(restored.params()).isEqualTo(net.params());
    assertThat(restored.output(x, false)).isEqualTo(net.output(x, false));
  }

  @Test
  void runningStatisticsHaveTheNoOpUpdaterAndMoveOnlyByTheirMomentum() {
    MultiLayerNetwork net = ResidualNetworks.conv(new Adam(0.05));
    Map<String, IUpdater> updaters = new HashMap<>();
    for (UpdaterBlock block : ((MultiLayerUpdater) net.getUpdater()).getUpdaterBlocks()) {
      for (UpdaterBlock.ParamState state : block.getLayersAndVariablesInBlock()) {
        updaters.put(state.getLayer().getConfig().getLayerName() + "/" + state.getParamName(),
            state.getLayer().getConfig().getUpdaterByParam(state.getParamName()));
      }
    }
    assertThat(updaters.get("layer1/" + RUNNING_MEAN)).isInstanceOf(NoOp.class);
    assertThat(updaters.get("layer1/" + RUNNING_VAR)).isInstanceOf(NoOp.class);
    assertThat(updaters.get("layer1/1-gamma")).isInstanceOf(Adam.class);
    assertThat(updaters.get("layer1/0-W")).isInstanceOf(Adam.class);

    INDArray meanBefore = net.getLayer(1).getParam(RUNNING_MEAN).dup();
    train(net, true, 1);
    assertThat(net.getLayer(1).getParam(RUNNING_MEAN)).isNotEqualTo(meanBefore);
    assertThat(net.gradient().getGradientFor("1_" + RUNNING_MEAN).sumNumber().doubleValue()).isZero();
  }

  @Test
  void workspaceModesGiveTheSameTraining() {
    MultiLayerNetwork enabled = ResidualNetworks.conv(new Adam(0.05), WorkspaceMode.ENABLED);
    MultiLayerNetwork none = ResidualNetworks.conv(new Adam(0.05), WorkspaceMode.NONE);
    assertThat(none.params()).isEqualTo(enabled.params());
    train(enabled, true, 4);
    train(none, true, 4);
    assertThat(none.params()).isEqualTo(enabled.params());
    INDArray x = ResidualNetworks.features(true, MINIBATCH, 9);
    assertThat(none.output(x, false)).isEqualTo(enabled.output(x, false));
  }

  @Test
  void innerDropoutActsInTrainingOnly() {
    MultiLayerNetwork net = ResidualNetworks.dense(new Adam(0.05), 0.5);
    INDArray x = ResidualNetworks.features(false, MINIBATCH, 4);
    assertThat(net.output(x, false)).isEqualTo(net.output(x, false));
    assertThat(net.output(x, true)).isNotEqualTo(net.output(x, true));
    INDArray before = net.params().dup();
    train(net, false, 2);
    assertThat(net.params()).isNotEqualTo(before);
    assertThat(net.score()).isFinite();
  }
}
