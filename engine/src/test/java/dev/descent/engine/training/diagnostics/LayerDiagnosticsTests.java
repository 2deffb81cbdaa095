package dev.descent.engine.training.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.data.Samples;
import dev.descent.engine.data.TrainingData;
import dev.descent.engine.model.NetworkFactory;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.MetricPoint;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Dead units of ReLU layers and the layer names. */
class LayerDiagnosticsTests {
  private static final TrainingSpec SPEC = SpecParser.parse("""
      {"dataset": {"name": "iris"},
       "model": {"layers": [{"type": "dense", "units": 8, "activation": "relu"},
         {"type": "dense", "units": 4, "activation": "tanh"}, {"type": "output"}]},
       "optimizer": {"type": "sgd", "lr": 0.01}, "epochs": 1, "batchSize": 30,
       "diagnostics": {"everyIterations": 1, "curvatureEvery": 0}}
      """, EngineLimits.DEFAULTS);

  @Test
  void countsTheUnitsThatAreZeroForTheWholeBatch() {
    float[][] crafted = {{0, 1, 0, 0}, {0, 0, 2, 0}, {0, 3, 0, 0}};
    assertThat(LayerDiagnostics.deadFraction(Nd4j.createFromArray(crafted))).isEqualTo(0.5);
    float[][][][] images = {{{{0, 1}}, {{0, 0}}}, {{{0, 0}}, {{0, 0}}}};
    assertThat(LayerDiagnostics.deadFraction(Nd4j.createFromArray(images))).isEqualTo(0.75);
  }

  @Test
  void reportsTheDeadUnitsOfAReluLayerOnly() {
    MultiLayerNetwork network = NetworkFactory.build(SPEC, 1);
    float[] bias = new float[8];
    for (int j = 0; j < 8; j++) {
      bias[j] = j < 3 ? -1e4f : 1e4f;
    }
    network.getParam("0_b").assign(Nd4j.createFromArray(bias).reshape(network.getParam("0_b").shape()));
    Samples train = TrainingData.prepare(SPEC.dataset(), SPEC.seed()).train();
    Diagnostics diagnostics = Diagnostics.of(SPEC, network, train);
    network.setListeners(diagnostics.listeners());
    List<MetricPoint> points = new ArrayList<>();
    diagnostics.beforeUpdate(0);
    network.fit(train.subset(java.util.stream.IntStream.range(0, 30).toArray()).toDataSet());
    diagnostics.afterUpdate(1, 0, 0.01, points::add);
    assertThat(points).filteredOn(p -> p.name().startsWith("dead_fraction/"))
        .extracting(MetricPoint::name, MetricPoint::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("dead_fraction/0:dense", 3 / 8.0));
    assertThat(points).extracting(MetricPoint::name).containsExactly(
        "grad_norm/0:dense", "update_ratio/0:dense", "dead_fraction/0:dense",
        "grad_norm/1:dense", "update_ratio/1:dense", "grad_norm/2:output", "update_ratio/2:output");
  }

  @Test
  void namesLayersByTheirSpecIndexAcrossAFlatten() {
    TrainingSpec cnn = SpecParser.parse("""
        {"dataset": {"name": "bars"}, "epochs": 1, "model": {"layers": [
          {"type": "conv2d", "filters": 2, "kernel": 3, "activation": "relu"}, {"type": "flatten"},
          {"type": "batchnorm"}, {"type": "output"}]}}
        """, EngineLimits.DEFAULTS);
    MultiLayerNetwork network = NetworkFactory.build(cnn, 1);
    assertThat(ProbedLayer.of(cnn.model().layers(), network)).containsExactly(
        new ProbedLayer("0:conv2d", 0, true), new ProbedLayer("2:batchnorm", 1, false),
        new ProbedLayer("3:output", 2, false));
  }
}
