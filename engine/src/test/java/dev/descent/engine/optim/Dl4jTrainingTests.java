package dev.descent.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Every optimizer (with weight decay where it has one, plus a scheduled and a noisy variant) trains a 4-8-3 float64
 * MLP to a lower loss, and survives a {@code ModelSerializer} round trip mid-training: the restored network continues
 * bit-identically, which needs the updater state as views of DL4J's state array and the configuration (schedules
 * included) to be JSON-safe.
 */
class Dl4jTrainingTests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int STEPS = 30;
  private static final int RESUME_AFTER = 5;

  static List<String> specs() {
    List<String> out = new ArrayList<>();
    for (String type : OptimizerSpecs.types()) {
      String decay = type.equals("rprop") ? "" : ", \"weight_decay\": 0.001";
      out.add("{\"type\": \"" + type + "\", \"lr\": " + lr(type) + decay + "}");
    }
    out.add("{\"type\": \"adam\", \"lr\": 0.05, \"grad_noise\": {\"eta\": 0.001, \"seed\": 5}}");
    out.add("{\"type\": \"sgd\", \"lr\": 0.1, \"momentum\": 0.9, \"nesterov\": true, \"momentum_schedule\":"
        + " {\"type\": \"linear\", \"tau\": 10, \"lr_end\": 0.5, \"unit\": \"iteration\"}}");
    return out;
  }

  private static double lr(String type) {
    return switch (type) {
      case "adadelta" -> 1.0;
      case "sgd", "asgd", "aggmo", "deltabardelta", "adagrad" -> 0.1;
      default -> 0.01;
    };
  }

  @TestFactory
  Stream<DynamicTest> everyOptimizerTrainsAndResumesBitIdentically() {
    return specs().stream().map(spec -> DynamicTest.dynamicTest(spec, () -> check(JSON.readTree(spec))));
  }

  private static void check(JsonNode spec) throws Exception {
    JsonNode schedule = JSON.readTree("{\"type\": \"warmup\", \"warmup_steps\": 3, \"start_factor\": 0.5,"
        + " \"after\": {\"type\": \"cosine\", \"T_max\": 100, \"unit\": \"iteration\"}}");
    OptimizerPlan plan = OptimizerSpecs.plan(spec, schedule, 1);
    MultiLayerConfiguration conf = configuration(plan);
    assertThat(MultiLayerConfiguration.fromJson(conf.toJson())).isEqualTo(conf);
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    DataSet data = data();
    double initial = net.score(data);
    fit(net, data, RESUME_AFTER);
    ByteArrayOutputStream saved = new ByteArrayOutputStream();
    ModelSerializer.writeModel(net, saved, true);
    MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(
        new ByteArrayInputStream(saved.toByteArray()), true);
    fit(net, data, STEPS - RESUME_AFTER);
    fit(restored, data, STEPS - RESUME_AFTER);
    assertThat(restored.params().toDoubleVector()).containsExactly(net.params().toDoubleVector());
    INDArray state = net.getUpdater().getStateViewArray();
    if (state != null) {
      assertThat(restored.getUpdater().getStateViewArray().toDoubleVector()).containsExactly(state.toDoubleVector());
    }
    assertThat(net.score(data)).isLessThan(initial);
  }

  private static void fit(MultiLayerNetwork net, DataSet data, int steps) {
    for (int i = 0; i < steps; i++) {
      net.fit(data);
    }
  }

  static MultiLayerConfiguration configuration(OptimizerPlan plan) {
    return plan.applyTo(plan.applyTo(new NeuralNetConfiguration.Builder().seed(42).dataType(DataType.DOUBLE)).list()
        .layer(new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.TANH).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(8).nOut(3).activation(Activation.SOFTMAX).build())
        .build());
  }

  static DataSet data() {
    Nd4j.getRandom().setSeed(1);
    INDArray features = Nd4j.randn(DataType.DOUBLE, 32, 4);
    INDArray labels = Nd4j.zeros(DataType.DOUBLE, 32, 3);
    for (int i = 0; i < 32; i++) {
      int label = features.getDouble(i, 0) > 0 ? 0 : features.getDouble(i, 1) > 0 ? 1 : 2;
      labels.putScalar(i, label, 1.0);
    }
    return new DataSet(features, labels);
  }
}
