package dev.descent.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.descent.engine.init.WeightInitSpec;
import dev.descent.engine.init.WeightInits;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parsing of the convolutional and normalization layer types, with their pointer violations. */
class ConvSpecParserTests {
  private static final WeightInitSpec XAVIER = WeightInits.parse(TextNode.valueOf("xavier"));
  private static final String OUTPUT = "{\"type\":\"output\"}";

  private static String spec(String dataset, String... layers) {
    return "{\"dataset\":{\"name\":\"" + dataset + "\"},\"model\":{\"layers\":[" + String.join(",", layers) + ","
        + OUTPUT + "]},\"epochs\":2}";
  }

  static Stream<Arguments> badSpecs() {
    return Stream.of(
        Arguments.of(spec("digits", "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":0}"), "/model/layers/0/kernel"),
        Arguments.of(spec("digits", "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":[3,\"x\"]}"),
            "/model/layers/0/kernel"),
        Arguments.of(spec("digits", "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":9}"), "/model/layers/0/kernel"),
        Arguments.of(spec("digits", "{\"type\":\"conv2d\",\"kernel\":3}"), "/model/layers/0/filters"),
        Arguments.of(spec("digits", "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"padding\":\"full\"}"),
            "/model/layers/0/padding"),
        Arguments.of(spec("digits", "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"stride\":[1,0]}"),
            "/model/layers/0/stride/1"),
        Arguments.of(spec("iris", "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3}"), "/model/layers/0/type"),
        Arguments.of(spec("digits", "{\"type\":\"conv2d\",\"filters\":6,\"kernel\":3}",
            "{\"type\":\"groupnorm\",\"groups\":4}"), "/model/layers/1/groups"),
        Arguments.of(spec("digits", "{\"type\":\"globalavgpool\"}", "{\"type\":\"maxpool2d\",\"kernel\":2}"),
            "/model/layers/1/type"),
        Arguments.of(spec("digits", "{\"type\":\"maxpool2d\",\"kernel\":2,\"padding\":1}"),
            "/model/layers/0/padding"),
        Arguments.of(spec("digits", "{\"type\":\"dropout\",\"rate\":1.5}"), "/model/layers/0/rate"),
        Arguments.of(spec("digits", "{\"type\":\"batchnorm\",\"momentum\":-1}"), "/model/layers/0/momentum"),
        Arguments.of(spec("digits", "{\"type\":\"layernorm\",\"eps\":0}"), "/model/layers/0/eps"),
        Arguments.of(spec("digits", "{\"type\":\"instancenorm\",\"activation\":\"relu9\"}"),
            "/model/layers/0/activation"),
        Arguments.of(spec("digits", "{\"type\":\"flatten\",\"size\":3}"), "/model/layers/0/size"),
        Arguments.of(spec("digits", "{\"type\":\"weightnorm_dense\"}"), "/model/layers/0/units"));
  }

  @ParameterizedTest
  @MethodSource("badSpecs")
  void reportsTheOffendingField(String json, String pointer) {
    SpecException e = catchThrowableOfType(() -> SpecParser.parse(json, EngineLimits.DEFAULTS), SpecException.class);
    assertThat(e).isNotNull();
    assertThat(e.violations()).extracting(Violation::pointer).contains(pointer);
  }

  @Test
  void readsEveryNewTypeWithDefaultsAndRoundTrips() {
    TrainingSpec spec = SpecParser.parse(spec("digits",
        "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"padding\":\"same\"}",
        "{\"type\":\"batchnorm\",\"activation\":\"relu\"}",
        "{\"type\":\"weightnorm_conv2d\",\"filters\":8,\"kernel\":[3,2],\"stride\":[1,2],\"padding\":1}",
        "{\"type\":\"groupnorm\",\"groups\":2}", "{\"type\":\"instancenorm\"}",
        "{\"type\":\"avgpool2d\",\"kernel\":2}", "{\"type\":\"maxpool2d\",\"kernel\":2,\"stride\":1}",
        "{\"type\":\"layernorm\"}", "{\"type\":\"dropout\",\"rate\":0.25}", "{\"type\":\"flatten\"}",
        "{\"type\":\"weightnorm_dense\",\"units\":5}"), EngineLimits.DEFAULTS);
    assertThat(spec.model().layers().get(0)).isEqualTo(new Conv2dLayerSpec(4, Size2.square(3), Size2.square(1),
        new Padding(Padding.SAME, 0), "relu", XAVIER, null));
    assertThat(spec.model().layers().get(1)).isEqualTo(new BatchNormLayerSpec(0.1, 1e-5, "relu"));
    assertThat(spec.model().layers().get(2)).isEqualTo(new WeightNormConv2dLayerSpec(8, new Size2(3, 2),
        new Size2(1, 2), new Padding(Padding.EXPLICIT, 1), "relu", XAVIER, null));
    assertThat(spec.model().layers().get(5)).isEqualTo(new AvgPool2dLayerSpec(Size2.square(2), Size2.square(2)));
    assertThat(SpecParser.parse(SpecParser.toJson(spec), EngineLimits.DEFAULTS)).isEqualTo(spec);
  }

  @Test
  void imagesFlowThroughTheShapesAndCountParameters() {
    TrainingSpec spec = SpecParser.parse(spec("digits",
        "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3}", "{\"type\":\"maxpool2d\",\"kernel\":2}",
        "{\"type\":\"groupnorm\",\"groups\":2}", "{\"type\":\"flatten\"}"), EngineLimits.DEFAULTS);
    assertThat(spec.model().inputShape(spec.dataset())).isEqualTo(Shape.image(1, 8, 8));
    long conv = 4 * 9 + 4;
    long norm = 2 * 4;
    long output = 4 * 3 * 3 * 10 + 10;
    assertThat(SpecParser.parameterCount(spec)).isEqualTo(conv + norm + output);
  }
}
