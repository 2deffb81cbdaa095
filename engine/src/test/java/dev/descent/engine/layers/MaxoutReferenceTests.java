package dev.descent.engine.layers;

import static dev.descent.engine.layers.Float64Assertions.REFERENCE_TOLERANCE;
import static dev.descent.engine.layers.Float64Assertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.layers.maxout.Maxout;
import dev.descent.engine.layers.maxout.MaxoutParamInitializer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.gradient.Gradient;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every {@code op: "maxout"} file of a PyTorch float64 {@code layers/} reference folder (format: the reference README,
 * section {@code layers/}: {@code weight} {@code [units·pieces, in]}, unit j the max of pieces
 * {@code j·pieces … (j+1)·pieces − 1}): our {@link Maxout}'s {@code y}, {@code dx}, {@code dweight} and {@code dbias}
 * for the loss {@code sum(y ⊙ dy)} match every element within {@code 1e-9 · max(1, |ref|)} in float64, and within
 * 1e-5 in float32. The folder is {@code layers/} under {@code -Ddescent.reference.dir} if set, else this module's copy.
 */
class MaxoutReferenceTests {
  private static final double FLOAT_TOLERANCE = 1e-5;

  @TestFactory
  Stream<DynamicTest> everyMaxoutCaseMatches() throws IOException, URISyntaxException {
    List<Path> files = ReferenceCase.layerFiles("maxout"::equals);
    assertThat(files).as("maxout reference files").isNotEmpty();
    return files.stream().flatMap(file -> Stream.of(DataType.DOUBLE, DataType.FLOAT).map(type ->
        DynamicTest.dynamicTest(file.getFileName() + " " + type, () -> check(ReferenceCase.read(file), type))));
  }

  private static void check(ReferenceCase ref, DataType type) {
    double tolerance = type == DataType.DOUBLE ? REFERENCE_TOLERANCE : FLOAT_TOLERANCE;
    INDArray weight = ref.array("weight");
    int units = ref.json().get("units").asInt();
    int pieces = ref.json().get("pieces").asInt();
    assertThat(weight.size(0)).as(ref.name() + ": weight rows are units·pieces").isEqualTo((long) units * pieces);
    StandaloneLayer layer = new StandaloneLayer(
        new Maxout.Builder().nIn(weight.size(1)).nOut(units).pieces(pieces).build(), type);
    layer.setParam(MaxoutParamInitializer.WEIGHT, weight.castTo(type));
    layer.setParam(MaxoutParamInitializer.BIAS, ref.array("bias").castTo(type));

    INDArray y = layer.forward(ref.array("x").castTo(type), true);
    assertThat(y.dataType()).isEqualTo(type);
    assertClose(ref.name() + " y", y, ref.array("y"), tolerance);
    Pair<Gradient, INDArray> backward = layer.backward(ref.array("dy").castTo(type));
    assertClose(ref.name() + " dx", backward.getSecond(), ref.array("dx"), tolerance);
    Gradient gradient = backward.getFirst();
    assertClose(ref.name() + " dweight", gradient.getGradientFor(MaxoutParamInitializer.WEIGHT), ref.array("dweight"),
        tolerance);
    INDArray dbias = ref.array("dbias");
    assertClose(ref.name() + " dbias", gradient.getGradientFor(MaxoutParamInitializer.BIAS).reshape(dbias.shape()),
        dbias, tolerance);
  }
}
