package dev.descent.engine.layers;

import static dev.descent.engine.layers.Float64Assertions.REFERENCE_TOLERANCE;
import static dev.descent.engine.layers.Float64Assertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.descent.engine.layers.conv.Conv2d;
import dev.descent.engine.layers.conv.Pool2d;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every file of a PyTorch float64 {@code layers/} reference folder (format: the reference README, section
 * {@code layers/}): our {@link Conv2d} and {@link Pool2d} forward and backward for the loss {@code sum(y ⊙ dy)} match
 * every element within {@code 1e-9 · max(1, |ref|)}, in NCHW and again in NHWC (inputs and outputs permuted), and in
 * float32 (the type jobs train in, where an onednn native build runs oneDNN's kernels) within 1e-5. The
 * folder is {@code layers/} under {@code -Ddescent.reference.dir} if set, else the copy in this module's test
 * resources ({@code reference/layers}). Cases are chosen by their {@code op} field; an op or option the layers do not
 * support fails. {@code maxout} files are {@link MaxoutReferenceTests}' cases.
 */
class ConvPoolReferenceTests {
  /** float32 runs (oneDNN's kernels in an onednn native build) against the float64 reference. */
  private static final double FLOAT_TOLERANCE = 1e-5;
  private static final String MAXOUT = "maxout";
  private static final int[] TO_NHWC = {0, 2, 3, 1};
  private static final int[] TO_NCHW = {0, 3, 1, 2};

  @TestFactory
  Stream<DynamicTest> everyReferenceCaseMatches() throws IOException, URISyntaxException {
    List<Path> files = ReferenceCase.layerFiles(op -> !MAXOUT.equals(op));
    assertThat(files).as("convolution and pooling reference files").isNotEmpty();
    return files.stream().flatMap(file -> Stream.of(CNN2DFormat.NCHW, CNN2DFormat.NHWC).flatMap(format ->
        Stream.of(DataType.DOUBLE, DataType.FLOAT).map(type -> DynamicTest.dynamicTest(
            file.getFileName() + " " + format + " " + type, () -> check(new Case(ReferenceCase.read(file), type),
                format)))));
  }

  /** A reference case run in {@code type}: float64 within the reference tolerance, float32 within 1e-5. */
  private record Case(ReferenceCase ref, DataType type) {
    double tolerance() {
      return type == DataType.DOUBLE ? REFERENCE_TOLERANCE : FLOAT_TOLERANCE;
    }

    INDArray input(String key) {
      return ref.array(key).castTo(type);
    }
  }

  private static void check(Case c, CNN2DFormat format) {
    ReferenceCase ref = c.ref();
    String op = ref.json().path("op").asText();
    switch (op) {
      case "conv2d" -> checkConv(c, format);
      case "maxpool2d" -> checkPool(c, format, PoolingType.MAX);
      case "avgpool2d" -> checkPool(c, format, PoolingType.AVG);
      default -> fail("no check for op '" + op + "' of reference file " + ref.name());
    }
  }

  private static void checkConv(Case c, CNN2DFormat format) {
    ReferenceCase ref = c.ref();
    INDArray weight = ref.array("weight");
    org.deeplearning4j.nn.conf.layers.Layer config = new Conv2d.Builder(pair(ref, "kernel")).stride(pair(ref, "stride"))
        .padding(pair(ref, "padding")).dilation(pair(ref, "dilation")).convolutionMode(ConvolutionMode.Truncate)
        .dataFormat(format).nIn(weight.size(1)).nOut(weight.size(0)).activation(Activation.IDENTITY).build();
    StandaloneLayer layer = new StandaloneLayer(config, c.type());
    layer.setParam(ConvolutionParamInitializer.WEIGHT_KEY, c.input("weight"));
    layer.setParam(ConvolutionParamInitializer.BIAS_KEY, c.input("bias"));
    Gradient gradient = forwardBackward(c, layer, format);
    INDArray dbias = ref.array("dbias");
    assertClose("dweight", gradient.getGradientFor(ConvolutionParamInitializer.WEIGHT_KEY), ref.array("dweight"),
        c.tolerance());
    assertClose("dbias", gradient.getGradientFor(ConvolutionParamInitializer.BIAS_KEY).reshape(dbias.shape()), dbias,
        c.tolerance());
  }

  private static void checkPool(Case c, CNN2DFormat format, PoolingType type) {
    ReferenceCase ref = c.ref();
    assertThat(ref.json().path("ceilMode").asBoolean(false)).as(ref.name() + ": ceilMode is not supported")
        .isFalse();
    Pool2d.Builder builder = new Pool2d.Builder(type);
    if (type == PoolingType.AVG) {
      assertThat(ref.json().has("countIncludePad")).as(ref.name() + " countIncludePad").isTrue();
      builder.countIncludePad(ref.json().get("countIncludePad").asBoolean());
    }
    builder.kernelSize(pair(ref, "kernel")).stride(pair(ref, "stride")).padding(pair(ref, "padding"))
        .convolutionMode(ConvolutionMode.Truncate).dataFormat(format);
    if (ref.json().has("dilation")) {
      builder.dilation(pair(ref, "dilation"));
    }
    forwardBackward(c, new StandaloneLayer(builder.build(), c.type()), format);
  }

  /** Checks y and dx (in the reference's NCHW) and returns the parameter gradients. */
  private static Gradient forwardBackward(Case c, StandaloneLayer layer, CNN2DFormat format) {
    boolean nhwc = format == CNN2DFormat.NHWC;
    INDArray x = nhwc ? c.input("x").permute(TO_NHWC).dup('c') : c.input("x");
    INDArray y = layer.forward(x, true);
    assertThat(y.dataType()).isEqualTo(c.type());
    assertClose("y", nhwc ? y.permute(TO_NCHW) : y, c.ref().array("y"), c.tolerance());
    INDArray dy = nhwc ? c.input("dy").permute(TO_NHWC).dup('c') : c.input("dy");
    Pair<Gradient, INDArray> backward = layer.backward(dy);
    INDArray dx = backward.getSecond();
    assertClose("dx", nhwc ? dx.permute(TO_NCHW) : dx, c.ref().array("dx"), c.tolerance());
    return backward.getFirst();
  }

  private static int[] pair(ReferenceCase ref, String key) {
    return ref.array(key).toIntVector();
  }
}
