package dev.descent.engine.layers;

import static dev.descent.engine.layers.AffineParamInitializer.BETA;
import static dev.descent.engine.layers.AffineParamInitializer.GAMMA;
import static dev.descent.engine.layers.Float64Assertions.REFERENCE_TOLERANCE;
import static dev.descent.engine.layers.Float64Assertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.descent.engine.layers.batchnorm.BatchNorm;
import dev.descent.engine.layers.batchnorm.BatchNormParamInitializer;
import dev.descent.engine.layers.groupnorm.GroupNorm;
import dev.descent.engine.layers.groupnorm.InstanceNorm;
import dev.descent.engine.layers.layernorm.LayerNorm;
import dev.descent.engine.layers.weightnorm.WeightNormDense;
import dev.descent.engine.layers.weightnorm.WeightNormParamInitializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.gradient.Gradient;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every file of {@code ${descent.reference.dir}/norm} (PyTorch, float64): our layer's forward and backward for the
 * loss {@code sum(y ⊙ dy)} match every element within {@code 1e-9 · max(1, |ref|)}. The layer is chosen by the file
 * name's prefix; a file no check knows fails.
 */
class NormalizationReferenceTests {
  @TestFactory
  Stream<DynamicTest> everyReferenceCaseMatches() throws IOException {
    String dir = System.getProperty("descent.reference.dir");
    assertThat(dir).as("system property descent.reference.dir").isNotBlank();
    Path folder = Path.of(dir, "norm");
    assertThat(folder).as("reference folder").isDirectory();
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(files).as("reference files in " + folder).isNotEmpty();
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
        () -> check(ReferenceCase.read(file))));
  }

  private static void check(ReferenceCase ref) {
    String name = ref.name();
    if (name.startsWith("batch_norm")) {
      checkBatchNorm(ref);
    } else if (name.startsWith("group_norm")) {
      int groups = ref.json().get("groups").asInt();
      checkAffineNorm(ref, new GroupNorm.Builder().groups(groups).nIn(channels(ref)).eps(ref.number("eps")).build());
    } else if (name.startsWith("instance_norm")) {
      checkAffineNorm(ref, new InstanceNorm.Builder().nIn(channels(ref)).eps(ref.number("eps")).build());
    } else if (name.startsWith("layer_norm")) {
      long features = ref.array("x").length() / ref.array("x").size(0);
      checkAffineNorm(ref, new LayerNorm.Builder().nIn(features).eps(ref.number("eps")).build());
    } else if (name.startsWith("weight_norm_linear")) {
      checkWeightNormLinear(ref);
    } else {
      fail("no check for reference file " + name);
    }
  }

  private static long channels(ReferenceCase ref) {
    return ref.array("x").size(1);
  }

  private static void checkBatchNorm(ReferenceCase ref) {
    boolean training = ref.name().endsWith("_train");
    BatchNorm config = new BatchNorm.Builder().nIn(channels(ref)).eps(ref.number("eps"))
        .momentum(training ? ref.number("momentum") : BatchNorm.DEFAULT_MOMENTUM).build();
    StandaloneLayer layer = new StandaloneLayer(config);
    if (!training) {
      layer.setParam(BatchNormParamInitializer.RUNNING_MEAN, ref.array("running_mean"));
      layer.setParam(BatchNormParamInitializer.RUNNING_VAR, ref.array("running_var"));
    } else if (ref.json().has("running_mean_before")) {
      layer.setParam(BatchNormParamInitializer.RUNNING_MEAN, ref.array("running_mean_before"));
      layer.setParam(BatchNormParamInitializer.RUNNING_VAR, ref.array("running_var_before"));
    }
    checkForwardBackward(ref, layer, training);
    if (training) {
      assertClose("running_mean_after", layer.param(BatchNormParamInitializer.RUNNING_MEAN),
          ref.array("running_mean_after"), REFERENCE_TOLERANCE);
      assertClose("running_var_after", layer.param(BatchNormParamInitializer.RUNNING_VAR),
          ref.array("running_var_after"), REFERENCE_TOLERANCE);
    }
  }

  private static void checkAffineNorm(ReferenceCase ref, NormConfig config) {
    checkForwardBackward(ref, new StandaloneLayer(config), true);
  }

  private static void checkForwardBackward(ReferenceCase ref, StandaloneLayer layer, boolean training) {
    layer.setParam(GAMMA, ref.array("gamma"));
    layer.setParam(BETA, ref.array("beta"));
    assertClose("y", layer.forward(ref.array("x"), training), ref.array("y"), REFERENCE_TOLERANCE);
    Pair<Gradient, INDArray> backward = layer.backward(ref.array("dy"));
    assertClose("dx", backward.getSecond(), ref.array("dx"), REFERENCE_TOLERANCE);
    INDArray dgamma = ref.array("dgamma");
    INDArray dbeta = ref.array("dbeta");
    assertClose("dgamma", backward.getFirst().getGradientFor(GAMMA).reshape(dgamma.shape()), dgamma,
        REFERENCE_TOLERANCE);
    assertClose("dbeta", backward.getFirst().getGradientFor(BETA).reshape(dbeta.shape()), dbeta,
        REFERENCE_TOLERANCE);
  }

  private static void checkWeightNormLinear(ReferenceCase ref) {
    INDArray v = ref.array("v");
    WeightNormDense config = new WeightNormDense.Builder().nIn(v.size(1)).nOut(v.size(0))
        .activation(Activation.IDENTITY).build();
    StandaloneLayer layer = new StandaloneLayer(config);
    layer.setParam(WeightNormParamInitializer.DIRECTION, v.transpose().dup('c'));
    layer.setParam(WeightNormParamInitializer.SCALE, ref.array("g"));
    layer.setParam(WeightNormParamInitializer.BIAS, ref.array("bias"));
    assertClose("y", layer.forward(ref.array("x"), true), ref.array("y"), REFERENCE_TOLERANCE);
    Pair<Gradient, INDArray> backward = layer.backward(ref.array("dy"));
    Gradient gradient = backward.getFirst();
    assertClose("dx", backward.getSecond(), ref.array("dx"), REFERENCE_TOLERANCE);
    assertClose("dv", gradient.getGradientFor(WeightNormParamInitializer.DIRECTION).transpose(), ref.array("dv"),
        REFERENCE_TOLERANCE);
    assertClose("dg", gradient.getGradientFor(WeightNormParamInitializer.SCALE).reshape(-1, 1), ref.array("dg"),
        REFERENCE_TOLERANCE);
    assertClose("dbias", gradient.getGradientFor(WeightNormParamInitializer.BIAS), ref.array("dbias"),
        REFERENCE_TOLERANCE);
  }
}
