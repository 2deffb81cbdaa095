package dev.descent.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parsing of {@code residual} blocks: defaults, canonical form, shape and parameter counts, and their violations. */
class ResidualSpecParserTests {
  private static final String CONV = "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"padding\":\"same\"}";
  private static final String CONV_ID =
      "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"padding\":\"same\",\"activation\":\"identity\"}";
  private static final String BN = "{\"type\":\"batchnorm\",\"activation\":\"relu\"}";

  private static String spec(String dataset, String... layers) {
    return "{\"dataset\":{\"name\":\"" + dataset + "\"},\"model\":{\"layers\":[" + String.join(",", layers)
        + ",{\"type\":\"output\"}]},\"epochs\":2}";
  }

  private static String block(String fields, String... layers) {
    return "{\"type\":\"residual\"" + fields + ",\"layers\":[" + String.join(",", layers) + "]}";
  }

  @Test
  void aConvBlockKeepsTheShapeCountsItsInnerParametersAndRoundTrips() {
    TrainingSpec spec = SpecParser.parse(spec("digits", CONV, block("", CONV_ID, BN, CONV_ID)),
        EngineLimits.DEFAULTS);
    ResidualLayerSpec residual = (ResidualLayerSpec) spec.model().layers().get(1);
    assertThat(residual.activation()).isEqualTo("relu");
    assertThat(residual.layers()).hasSize(3).element(1).isInstanceOf(BatchNormLayerSpec.class);
    Shape shape = Shape.image(4, 8, 8);
    assertThat(residual.outputShape(shape)).isEqualTo(shape);
    assertThat(residual.parameterCount(shape)).isEqualTo(2 * (4 * 9 * 4 + 4) + 4 * 4);
    assertThat(spec.model().inputShape(spec.dataset())).isEqualTo(Shape.image(1, 8, 8));
    String json = SpecParser.toJson(spec);
    assertThat(json).contains("{\"type\":\"residual\",\"layers\":[{\"type\":\"conv2d\"", "\"activation\":\"relu\"}");
    assertThat(SpecParser.parse(json, EngineLimits.DEFAULTS)).isEqualTo(spec);
  }

  @Test
  void aBlockAloneMakesAnImageModelWhenItHoldsAConvolution() {
    String conv = "{\"type\":\"conv2d\",\"filters\":1,\"kernel\":3,\"padding\":\"same\"}";
    TrainingSpec spec = SpecParser.parse(spec("bars", block(",\"activation\":\"identity\"", conv)),
        EngineLimits.DEFAULTS);
    assertThat(spec.model().inputShape(spec.dataset())).isEqualTo(Shape.image(1, 8, 8));
  }

  static Stream<Arguments> badBlocks() {
    String dense = "{\"type\":\"dense\",\"units\":5}";
    return Stream.of(
        Arguments.of(spec("digits", CONV, block("", "{\"type\":\"conv2d\",\"filters\":5,\"kernel\":3,"
            + "\"padding\":\"same\"}")), "/model/layers/1/layers"),
        Arguments.of(spec("digits", CONV, block("", "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3}")),
            "/model/layers/1/layers"),
        Arguments.of(spec("iris", block("", dense)), "/model/layers/0/layers"),
        Arguments.of(spec("digits", CONV, block("", dense)), "/model/layers/1/layers"),
        Arguments.of(spec("digits", CONV, block("", "{\"type\":\"maxpool2d\",\"kernel\":9}")),
            "/model/layers/1/layers/0/kernel"),
        Arguments.of(spec("digits", CONV, block("", "{\"type\":\"groupnorm\",\"groups\":3}")),
            "/model/layers/1/layers/0/groups"),
        Arguments.of(spec("iris", block("", "{\"type\":\"dense\"}")), "/model/layers/0/layers/0/units"),
        Arguments.of(spec("iris", block("", "{\"type\":\"output\"}")), "/model/layers/0/layers/0/type"),
        Arguments.of(spec("iris", block("", block("", dense))), "/model/layers/0/layers/0/type"),
        Arguments.of(spec("iris", block("", "{\"type\":\"densest\"}")), "/model/layers/0/layers/0/type"),
        Arguments.of(spec("iris", block("", "{\"type\":\"flatten\"}")), "/model/layers/0/layers"),
        Arguments.of(spec("iris", "{\"type\":\"residual\",\"layers\":[]}"), "/model/layers/0/layers"),
        Arguments.of(spec("iris", "{\"type\":\"residual\"}"), "/model/layers/0/layers"),
        Arguments.of(spec("iris", block(",\"activation\":\"relu9\"", "{\"type\":\"dense\",\"units\":4}")),
            "/model/layers/0/activation"),
        Arguments.of(spec("iris", block(",\"skip\":\"1x1\"", "{\"type\":\"dense\",\"units\":4}")),
            "/model/layers/0/skip"));
  }

  @ParameterizedTest
  @MethodSource("badBlocks")
  void aBadBlockIsRefusedAtItsField(String json, String pointer) {
    SpecException e = catchThrowableOfType(() -> SpecParser.parse(json, EngineLimits.DEFAULTS), SpecException.class);
    assertThat(e).as(json).isNotNull();
    assertThat(e.violations()).extracting(Violation::pointer).containsExactly(pointer);
  }

  @Test
  void theShapeProblemSaysWhatTheBlockTurnsItsInputInto() {
    SpecException e = catchThrowableOfType(() -> SpecParser.parse(spec("digits", CONV,
        block("", "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3}")), EngineLimits.DEFAULTS), SpecException.class);
    assertThat(e.violations().get(0).message()).contains("4×8×8 images", "4×6×6 images");
  }
}
