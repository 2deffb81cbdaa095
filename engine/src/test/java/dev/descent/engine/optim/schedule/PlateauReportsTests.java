package dev.descent.engine.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.engine.optim.OptimizerPlan;
import dev.descent.engine.optim.OptimizerSpecs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** A reduce-on-plateau schedule in a real network: every layer's copy sees the metric, and checkpoints keep it. */
class PlateauReportsTests {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void reportsReachEveryLayerAndSurviveACheckpoint() throws Exception {
    OptimizerPlan plan = OptimizerSpecs.plan(JSON.readTree("{\"type\": \"sgd\", \"lr\": 0.1}"),
        JSON.readTree("{\"type\": \"plateau\", \"patience\": 0, \"factor\": 0.5}"), 1);
    MultiLayerNetwork net = new MultiLayerNetwork(plan.applyTo(new NeuralNetConfiguration.Builder()
        .dataType(DataType.DOUBLE)).list()
        .layer(new DenseLayer.Builder().nIn(2).nOut(3).build())
        .layer(new OutputLayer.Builder(LossFunction.MSE).nIn(3).nOut(1).activation(Activation.IDENTITY).build())
        .build());
    net.init();
    assertThat(PlateauReports.report(net, 1.0)).isEqualTo(2);
    PlateauReports.report(net, 2.0);
    assertThat(net.getLearningRate(0)).isEqualTo(0.05);
    assertThat(net.getLearningRate(1)).isEqualTo(0.05);
    ByteArrayOutputStream saved = new ByteArrayOutputStream();
    ModelSerializer.writeModel(net, saved, true);
    MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(
        new ByteArrayInputStream(saved.toByteArray()), true);
    assertThat(restored.getLearningRate(1)).isEqualTo(0.05);
    PlateauReports.report(restored, 3.0);
    assertThat(restored.getLearningRate(0)).isEqualTo(0.025);
  }
}
