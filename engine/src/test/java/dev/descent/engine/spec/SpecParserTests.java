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

class SpecParserTests {
  private static final WeightInitSpec XAVIER = WeightInits.parse(TextNode.valueOf("xavier"));
  private static final EngineLimits LIMITS = new EngineLimits(100, 10_000, 4, 1024);
  private static final String LAYERS =
      "[{\"type\":\"dense\",\"units\":8},{\"type\":\"output\"}]";

  private static String spec(String dataset, String layers, String rest) {
    return "{\"dataset\":" + dataset + ",\"model\":{\"layers\":" + layers + "},\"epochs\":5" + rest + "}";
  }

  private static String maxout(String fields) {
    return "[{\"type\":\"maxout\"," + fields + "},{\"type\":\"output\"}]";
  }

  private static String spec(String rest) {
    return spec("{\"name\":\"iris\"}", LAYERS, rest);
  }

  static Stream<Arguments> badSpecs() {
    return Stream.of(
        Arguments.of("{\"dataset\":", ""),
        Arguments.of("[1, 2]", ""),
        Arguments.of("", ""),
        Arguments.of(spec(",\"colour\":\"red\""), "/colour"),
        Arguments.of(spec("{\"name\":\"iris\",\"nme\":1}", LAYERS, ""), "/dataset/nme"),
        Arguments.of(spec("{\"name\":\"iris\"}", "[{\"type\":\"dense\",\"unit\":8},{\"type\":\"output\"}]", ""),
            "/model/layers/0/unit"),
        Arguments.of(spec(",\"batchSize\":\"big\""), "/batchSize"),
        Arguments.of(spec(",\"seed\":1.5"), "/seed"),
        Arguments.of("{\"dataset\":{\"name\":\"iris\"},\"model\":{\"layers\":" + LAYERS + "}}", "/epochs"),
        Arguments.of(spec("{}", LAYERS, ""), "/dataset/name"),
        Arguments.of(spec("{\"name\":\"mnist\"}", LAYERS, ""), "/dataset/name"),
        Arguments.of(spec("{\"name\":\"iris\"}", "[{\"type\":\"conv9\"},{\"type\":\"output\"}]", ""),
            "/model/layers/0/type"),
        Arguments.of(spec("{\"name\":\"iris\"}", "[{\"type\":\"dense\",\"units\":8,\"activation\":\"relu6\"},"
            + "{\"type\":\"output\"}]", ""), "/model/layers/0/activation"),
        Arguments.of(spec("{\"name\":\"iris\"}", "[{\"type\":\"output\",\"loss\":\"hinge9\"}]", ""),
            "/model/layers/0/loss"),
        Arguments.of(spec("{\"name\":\"iris\"}", "[{\"type\":\"output\",\"weightInit\":\"he\"}]", ""),
            "/model/layers/0/weightInit"),
        Arguments.of(spec("{\"name\":\"iris\"}", "[{\"type\":\"dense\",\"units\":0},{\"type\":\"output\"}]", ""),
            "/model/layers/0/units"),
        Arguments.of(spec(",\"batchSize\":-4"), "/batchSize"),
        Arguments.of(spec("{\"name\":\"blobs\",\"samples\":0}", LAYERS, ""), "/dataset/samples"),
        Arguments.of(spec("{\"name\":\"iris\",\"validationSplit\":NaN}", LAYERS, ""), "/dataset/validationSplit"),
        Arguments.of(spec("{\"name\":\"blobs\",\"noise\":1e999}", LAYERS, ""), "/dataset/noise"),
        Arguments.of(spec(",\"optimizer\":{\"type\":\"adam\",\"lr\":1e999}"), "/optimizer/lr"),
        Arguments.of(spec(",\"optimizer\":{\"type\":\"adam\",\"lr\":NaN}"), "/optimizer/lr"),
        Arguments.of(spec(",\"optimizer\":{\"type\":\"lion9\"}"), "/optimizer/type"),
        Arguments.of(spec("{\"name\":\"iris\"}", LAYERS, "").replace("\"epochs\":5", "\"epochs\":101"), "/epochs"),
        Arguments.of(spec("{\"name\":\"iris\"}", "[{\"type\":\"dense\",\"units\":5000},{\"type\":\"output\"}]", ""),
            "/model/layers"),
        Arguments.of(spec("{\"name\":\"iris\"}", "[" + "{\"type\":\"dense\",\"units\":2},".repeat(4)
            + "{\"type\":\"output\"}]", ""), "/model/layers"),
        Arguments.of(spec("{\"name\":\"iris\"}", "[{\"type\":\"dense\",\"units\":2}]", ""), "/model/layers/0/type"),
        Arguments.of(spec("{\"name\":\"iris\"}", "[{\"type\":\"output\",\"units\":4}]", ""), "/model/layers/0/units"),
        Arguments.of(spec("{\"name\":\"iris\",\"samples\":10}", LAYERS, ""), "/dataset/samples"),
        Arguments.of(spec("{\"name\":\"moons\",\"features\":3}", LAYERS, ""), "/dataset/features"),
        Arguments.of(spec(",\"maxAttempts\":11"), "/maxAttempts"),
        Arguments.of(spec(",\"checkpoint\":{\"everyEpochs\":-1}"), "/checkpoint/everyEpochs"),
        Arguments.of(spec(",\"name\":\"" + "x".repeat(201) + "\""), "/name"),
        Arguments.of(spec(",\"a/b~c\":1"), "/a~1b~0c"),
        Arguments.of(spec("5", LAYERS, ""), "/dataset"),
        Arguments.of(spec("{\"name\":\"iris\"}", "[5]", ""), "/model/layers/0"),
        Arguments.of(spec("{\"name\":\"iris\"}", "[]", ""), "/model/layers"),
        Arguments.of(spec("{\"name\":\"iris\",\"standardize\":\"yes\"}", LAYERS, ""), "/dataset/standardize"),
        Arguments.of(spec("{\"name\":\"regression\",\"classes\":3}", LAYERS, ""), "/dataset/classes"),
        Arguments.of("{\"dataset\":{\"name\":\"iris\"},\"epochs\":1}", "/model"),
        Arguments.of("{\"a\":1,\"a\":2}", ""),
        Arguments.of(spec("{\"name\":\"iris\",\"whiten\":\"foo\"}", LAYERS, ""), "/dataset/whiten"),
        Arguments.of(spec("{\"name\":\"iris\",\"whiten\":true}", LAYERS, ""), "/dataset/whiten"),
        Arguments.of(spec("{\"name\":\"iris\",\"whiten\":\"zca\",\"whitenEpsilon\":0}", LAYERS, ""),
            "/dataset/whitenEpsilon"),
        Arguments.of(spec("{\"name\":\"iris\",\"whiten\":\"pca\",\"whitenEpsilon\":-1e-5}", LAYERS, ""),
            "/dataset/whitenEpsilon"),
        Arguments.of(spec("{\"name\":\"iris\",\"whitenEpsilon\":1e-3}", LAYERS, ""), "/dataset/whitenEpsilon"),
        Arguments.of(spec("{\"name\":\"digits\",\"whiten\":\"pca\"}", LAYERS, ""), "/dataset/whiten"),
        Arguments.of(spec("{\"name\":\"blobs\",\"features\":1025,\"whiten\":\"zca\"}", LAYERS, ""),
            "/dataset/whiten"),
        Arguments.of(spec("{\"name\":\"iris\"}", maxout("\"pieces\":3"), ""), "/model/layers/0/units"),
        Arguments.of(spec("{\"name\":\"iris\"}", maxout("\"units\":4,\"pieces\":0"), ""), "/model/layers/0/pieces"),
        Arguments.of(spec("{\"name\":\"iris\"}", maxout("\"units\":4,\"pieces\":257"), ""),
            "/model/layers/0/pieces"),
        Arguments.of(spec("{\"name\":\"iris\"}", maxout("\"units\":100000,\"pieces\":11"), ""),
            "/model/layers/0/pieces"),
        Arguments.of(spec("{\"name\":\"iris\"}", maxout("\"units\":4,\"activation\":\"relu\""), ""),
            "/model/layers/0/activation"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("badSpecs")
  void reportsViolationAtPointer(String json, String pointer) {
    SpecException e = catchThrowableOfType(SpecException.class, () -> SpecParser.parse(json, LIMITS));
    assertThat(e).as("spec %s must be refused", json).isNotNull();
    assertThat(e.violations()).extracting(Violation::pointer).contains(pointer);
  }

  @Test
  void reportsAllViolationsAtOnce() {
    String json = spec("{\"name\":\"mnist\"}", LAYERS, ",\"batchSize\":0,\"maxAttempts\":0,\"extra\":true");
    SpecException e = catchThrowableOfType(SpecException.class, () -> SpecParser.parse(json, LIMITS));
    assertThat(e.violations()).extracting(Violation::pointer)
        .contains("/dataset/name", "/batchSize", "/maxAttempts", "/extra");
  }

  @Test
  void fillsEveryDefault() {
    TrainingSpec spec = SpecParser.parse(spec(""), LIMITS);
    assertThat(spec.name()).isEqualTo("iris");
    assertThat(spec.seed()).isEqualTo(SpecParser.DEFAULT_SEED);
    assertThat(spec.batchSize()).isEqualTo(SpecParser.DEFAULT_BATCH_SIZE);
    assertThat(spec.dataset().validationSplit()).isEqualTo(DatasetSpec.DEFAULT_VALIDATION_SPLIT);
    assertThat(spec.dataset().standardize()).isTrue();
    assertThat(spec.optimizer().path("type").asText()).isEqualTo("adam");
    assertThat(spec.schedule()).isNull();
    assertThat(spec.checkpoint()).isEqualTo(new CheckpointPolicy(0, 3));
    assertThat(spec.maxAttempts()).isEqualTo(3);
    assertThat(spec.model().layers()).containsExactly(
        new DenseLayerSpec(8, "relu", XAVIER, 0.0, null), new OutputLayerSpec(3, "softmax", "mcxent", XAVIER, null));
  }

  @Test
  void fillsGeneratorDefaultsAndRegressionOutputs() {
    TrainingSpec spec = SpecParser.parse(spec("{\"name\":\"regression\"}", LAYERS, ""), LIMITS);
    assertThat(spec.dataset().samples()).isEqualTo(300);
    assertThat(spec.dataset().features()).isEqualTo(5);
    assertThat(spec.dataset().classes()).isNull();
    assertThat(spec.model().layers().get(1)).isEqualTo(new OutputLayerSpec(1, "identity", "mse", XAVIER, null));
    assertThat(SpecParser.parameterCount(spec)).isEqualTo(5 * 8 + 8 + 8 + 1);
  }

  @Test
  void canonicalJsonRoundTrips() {
    String json = spec("{\"name\":\"spirals\",\"classes\":4,\"noise\":0.3}", "[{\"type\":\"dense\",\"units\":8,"
        + "\"dropout\":0.25,\"weightInit\":\"relu\"},{\"type\":\"output\"}]",
        ",\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1,\"momentum\":0.9},\"priority\":-3");
    TrainingSpec spec = SpecParser.parse(json, LIMITS);
    String canonical = SpecParser.toJson(spec);
    assertThat(SpecParser.parse(canonical, LIMITS)).isEqualTo(spec);
    assertThat(SpecParser.toJson(SpecParser.parse(canonical, LIMITS))).isEqualTo(canonical);
    assertThat(canonical).startsWith("{\"name\":\"spirals\",\"seed\":42,\"dataset\":{\"name\":\"spirals\"")
        .contains("{\"type\":\"dense\",\"units\":8", "\"momentum\":0.9");
  }

  @Test
  void readsWhiteningWithItsDefaultEpsilonAndRoundTripsIt() {
    TrainingSpec zca = SpecParser.parse(spec("{\"name\":\"digits\",\"whiten\":\"zca\"}", LAYERS, ""), LIMITS);
    assertThat(zca.dataset().whiten()).isEqualTo(Whitening.ZCA);
    assertThat(zca.dataset().whitenEpsilon()).isEqualTo(Whitening.DEFAULT_EPSILON);
    String canonical = SpecParser.toJson(zca);
    assertThat(canonical).contains("\"whiten\":\"zca\",\"whitenEpsilon\":1.0E-5");
    assertThat(SpecParser.parse(canonical, LIMITS)).isEqualTo(zca);
    TrainingSpec pca = SpecParser.parse(
        spec("{\"name\":\"wine\",\"whiten\":\"pca\",\"whitenEpsilon\":0.01}", LAYERS, ""), LIMITS);
    assertThat(pca.dataset().whiten()).isEqualTo(Whitening.PCA);
    assertThat(pca.dataset().whitenEpsilon()).isEqualTo(0.01);
    assertThat(SpecParser.toJson(SpecParser.parse(spec(""), LIMITS))).doesNotContain("whiten");
  }

  @Test
  void readsMaxoutWithItsDefaultPiecesAndRoundTripsIt() {
    TrainingSpec spec = SpecParser.parse(spec("{\"name\":\"iris\"}", maxout("\"units\":6"), ""), LIMITS);
    assertThat(spec.model().layers().get(0)).isEqualTo(new MaxoutLayerSpec(6, 2, XAVIER, null));
    assertThat(SpecParser.parameterCount(spec)).isEqualTo((4 + 1) * 6 * 2 + 6 * 3 + 3);
    String canonical = SpecParser.toJson(spec);
    assertThat(canonical).contains("{\"type\":\"maxout\",\"units\":6,\"pieces\":2");
    assertThat(SpecParser.parse(canonical, LIMITS)).isEqualTo(spec);
  }

  @Test
  void specCannotBeChangedThroughItsJson() {
    TrainingSpec spec = SpecParser.parse(spec(",\"optimizer\":{\"type\":\"adam\",\"lr\":0.1}"), LIMITS);
    ((com.fasterxml.jackson.databind.node.ObjectNode) spec.optimizer()).put("lr", 5.0);
    assertThat(spec.optimizer().get("lr").asDouble()).isEqualTo(0.1);
  }

  @Test
  void canonicalJsonKeepsNullSchedule() {
    assertThat(SpecParser.toJson(SpecParser.parse(spec(""), LIMITS))).contains("\"schedule\":null");
  }
}
