package dev.descent.engine.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Study bodies: arms, seeds, grid and random search, the trial specs, and a problem at each bad field. */
class StudySpecsTests {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String BASE = "{\"dataset\":{\"name\":\"iris\",\"validationSplit\":0.2},"
      + "\"model\":{\"layers\":[{\"type\":\"output\"}]},\"optimizer\":{\"type\":\"adam\",\"lr\":0.01},\"epochs\":2}";
  private static final String ARMS = "\"arms\":[{\"name\":\"adam\",\"set\":{\"/optimizer\":{\"type\":\"adam\"}}},"
      + "{\"name\":\"sgd\",\"set\":{\"/optimizer\":{\"type\":\"sgd\",\"lr\":0.1,\"momentum\":0.9}}}]";

  static StudySpec parse(String fields) {
    return StudySpecs.parse("{\"name\":\"s\",\"base\":" + BASE + (fields.isEmpty() ? "" : "," + fields) + "}",
        EngineLimits.DEFAULTS);
  }

  static List<Violation> violations(String fields) {
    try {
      parse(fields);
      throw new AssertionError("accepted: " + fields);
    } catch (SpecException e) {
      return e.violations();
    }
  }

  static List<String> pointers(String fields) {
    return violations(fields).stream().map(Violation::pointer).toList();
  }

  @Test
  void armsTimesSeedsGiveOneTrialEachSeedBySeedWithTheArmSetAndTheSeed() {
    StudySpec study = parse(ARMS + ",\"seeds\":[1,2],\"maxConcurrent\":1");
    assertThat(study.arms()).containsExactly("adam", "sgd");
    assertThat(study.maxConcurrent()).isEqualTo(1);
    assertThat(study.trials()).extracting(Trial::arm).containsExactly("adam", "sgd", "adam", "sgd");
    assertThat(study.trials()).extracting(Trial::seed).containsExactly(1L, 1L, 2L, 2L);
    assertThat(study.trials()).extracting(Trial::index).containsExactly(0, 1, 2, 3);
    TrainingSpec sgd = (TrainingSpec) study.trials().get(3).spec();
    assertThat(sgd.seed()).isEqualTo(2);
    assertThat(sgd.name()).isEqualTo("s/sgd/seed=2");
    assertThat(sgd.optimizer().get("type").asText()).isEqualTo("sgd");
    assertThat(study.trials().get(0).valuesJson()).isEqualTo("{\"/optimizer\":{\"type\":\"adam\"}}");
  }

  @Test
  void defaultsOneSeedFromTheBaseAndTheObjectiveModeFromTheMetricName() {
    StudySpec plain = parse("");
    assertThat(plain.seeds()).containsExactly(42L);
    assertThat(plain.maxConcurrent()).isEqualTo(StudySpec.DEFAULT_MAX_CONCURRENT);
    assertThat(plain.objective()).isEqualTo(new StudySpec.Objective("val_loss", "min", null));
    assertThat(plain.trials()).hasSize(1);
    StudySpec seeded = StudySpecs.parse("{\"name\":\"s\",\"base\":" + BASE.replace("{\"dataset\"",
        "{\"seed\":7,\"dataset\"") + ",\"objective\":{\"metric\":\"val_accuracy\",\"threshold\":0.9}}",
        EngineLimits.DEFAULTS);
    assertThat(seeded.seeds()).containsExactly(7L);
    assertThat(seeded.objective()).isEqualTo(new StudySpec.Objective("val_accuracy", "max", 0.9));
  }

  @Test
  void aGridIsTheCartesianProductInBodyOrderWithLogEvenPoints() throws Exception {
    StudySpec study = parse("\"search\":{\"type\":\"grid\",\"space\":{\"/optimizer/lr\":{\"type\":\"loguniform\","
        + "\"low\":0.001,\"high\":0.1},\"/batchSize\":{\"type\":\"choice\",\"values\":[16,32]}}}");
    assertThat(study.searchType()).isEqualTo("grid");
    assertThat(study.trials()).hasSize(6);
    List<JsonNode> values = study.trials().stream().map(t -> read(t.valuesJson())).toList();
    assertThat(values).extracting(v -> v.get("/batchSize").asInt()).containsExactly(16, 32, 16, 32, 16, 32);
    assertThat(values.get(0).get("/optimizer/lr").asDouble()).isEqualTo(0.001);
    assertThat(values.get(2).get("/optimizer/lr").asDouble()).isCloseTo(0.01, org.assertj.core.api.Assertions
        .within(1e-12));
    assertThat(values.get(4).get("/optimizer/lr").asDouble()).isEqualTo(0.1);
    assertThat(study.trials()).extracting(Trial::point).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(study.trials().get(5).spec().name()).isEqualTo("s/p5/seed=42");
  }

  @Test
  void aUniformGridIsEvenlySpaced() {
    StudySpec study = parse("\"search\":{\"type\":\"grid\",\"space\":{\"/optimizer/lr\":{\"type\":\"uniform\","
        + "\"low\":0.1,\"high\":0.5,\"points\":5}}}");
    assertThat(study.trials()).extracting(t -> read(t.valuesJson()).get("/optimizer/lr").asDouble())
        .containsExactly(0.1, 0.2, 0.30000000000000004, 0.4, 0.5);
  }

  @Test
  void randomSearchIsDeterministicFromSampleSeedAndDrawsDimensionsInOrder() {
    String body = "\"search\":{\"type\":\"random\",\"trials\":4,\"sampleSeed\":7,\"space\":{\"/optimizer/lr\":"
        + "{\"type\":\"loguniform\",\"low\":0.0001,\"high\":0.3},\"/batchSize\":{\"type\":\"choice\","
        + "\"values\":[16,32,64]}}}";
    List<String> first = parse(body).trials().stream().map(Trial::valuesJson).toList();
    assertThat(parse(body).trials().stream().map(Trial::valuesJson).toList()).isEqualTo(first);
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (String values : first) {
      double lr = Math.exp(Math.log(1e-4) + random.nextDouble() * (Math.log(0.3) - Math.log(1e-4)));
      int batch = new int[] {16, 32, 64}[random.nextInt(3)];
      assertThat(read(values).get("/optimizer/lr").asDouble()).isEqualTo(lr);
      assertThat(read(values).get("/batchSize").asInt()).isEqualTo(batch);
    }
    assertThat(parse(body.replace("\"sampleSeed\":7", "\"sampleSeed\":8")).trials().get(0).valuesJson())
        .isNotEqualTo(first.get(0));
  }

  @Test
  void armsAndSearchTogetherApplyTheArmThenThePoint() {
    StudySpec study = parse(ARMS + ",\"search\":{\"type\":\"grid\",\"space\":{\"/optimizer/lr\":{\"type\":"
        + "\"choice\",\"values\":[0.01,0.02]}}}");
    assertThat(study.trials()).hasSize(4);
    Trial sgd = study.trials().get(3);
    assertThat(sgd.arm()).isEqualTo("sgd");
    assertThat(read(sgd.valuesJson()).get("/optimizer/lr").asDouble()).isEqualTo(0.02);
    assertThat(read(sgd.valuesJson()).get("/optimizer").get("momentum").asDouble()).isEqualTo(0.9);
    assertThat(sgd.spec().name()).isEqualTo("s/sgd/p1/seed=42");
  }

  @Test
  void aJobSpecViolationIsReportedWhereTheStudyPutTheValueWithRfc6901Escaping() {
    assertThat(pointers("\"arms\":[{\"name\":\"a\",\"set\":{\"/optimiser\":{\"type\":\"adam\"}}}]"))
        .containsExactly("/arms/0/set/~1optimiser");
    assertThat(pointers("\"arms\":[{\"name\":\"a\"},{\"name\":\"b\",\"set\":{\"/optimizer/lr\":-1}}]"))
        .containsExactly("/arms/1/set/~1optimizer~1lr");
    assertThat(pointers("\"arms\":[{\"name\":\"a\"},{\"name\":\"b\",\"set\":{\"/optimizer\":{\"type\":\"adam\","
        + "\"lr\":-1}}}]")).containsExactly("/arms/1/set/~1optimizer/lr");
    assertThat(pointers("\"arms\":[{\"name\":\"a\",\"set\":{\"/model/layers/5/units\":3}}]"))
        .containsExactly("/arms/0/set/~1model~1layers~15~1units");
    assertThat(violations("\"arms\":[{\"name\":\"a\",\"set\":{\"/nope/x\":3}}]").get(0).message())
        .isEqualTo("no such place in base");
  }

  @Test
  void aViolationOfTheBaseIsReportedUnderBaseOnce() {
    String bad = "{\"name\":\"s\",\"base\":" + BASE.replace("\"epochs\":2", "\"epochs\":0") + "," + ARMS
        + ",\"seeds\":[1,2]}";
    assertThatThrownBy(() -> StudySpecs.parse(bad, EngineLimits.DEFAULTS))
        .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.violations())
            .extracting(Violation::pointer).containsExactly("/base/epochs"));
  }

  @Test
  void searchBoundsAreValidatedAloneAndNamedWithTheValueTried() {
    List<Violation> found = violations("\"search\":{\"type\":\"random\",\"trials\":3,\"space\":{\"/optimizer/lr\":"
        + "{\"type\":\"uniform\",\"low\":-1,\"high\":0.1}}}");
    assertThat(found).extracting(Violation::pointer).containsExactly("/search/space/~1optimizer~1lr");
    assertThat(found.get(0).message()).contains("-1.0");
    assertThat(pointers("\"search\":{\"type\":\"grid\",\"space\":{\"/batchSize\":{\"type\":\"choice\","
        + "\"values\":[16,0]}}}")).containsExactly("/search/space/~1batchSize");
  }

  @Test
  void badStudyFieldsAreRefusedAtTheirPointers() {
    assertThat(pointers("\"search\":{\"type\":\"grid\",\"space\":{}}")).containsExactly("/search/space");
    assertThat(pointers("\"search\":{\"type\":\"grid\",\"trials\":3,\"space\":{\"/optimizer/lr\":{\"type\":"
        + "\"uniform\",\"low\":0.1,\"high\":0.2}}}")).containsExactly("/search/trials");
    assertThat(pointers("\"search\":{\"type\":\"random\",\"space\":{\"/optimizer/lr\":{\"type\":\"uniform\","
        + "\"low\":0.1,\"high\":0.2}}}")).containsExactly("/search/trials");
    assertThat(pointers("\"search\":{\"type\":\"random\",\"trials\":2,\"space\":{\"/optimizer/lr\":{\"type\":"
        + "\"loguniform\",\"low\":0,\"high\":0.2}}}")).containsExactly("/search/space/~1optimizer~1lr/low");
    assertThat(pointers("\"search\":{\"type\":\"random\",\"trials\":2,\"space\":{\"/optimizer/lr\":{\"type\":"
        + "\"uniform\",\"low\":0.3,\"high\":0.2}}}")).containsExactly("/search/space/~1optimizer~1lr/high");
    assertThat(pointers("\"search\":{\"type\":\"grid\",\"space\":{\"/batchSize\":{\"type\":\"choice\","
        + "\"values\":[]}}}")).containsExactly("/search/space/~1batchSize/values");
    assertThat(pointers("\"search\":{\"type\":\"bayes\",\"space\":{}}")).contains("/search/type");
    assertThat(pointers("\"arms\":[{\"name\":\"a\"},{\"name\":\"a\"}]")).containsExactly("/arms/1/name");
    assertThat(pointers("\"arms\":[]")).containsExactly("/arms");
    assertThat(pointers("\"arms\":[{\"name\":\"a\",\"set\":{\"/seed\":3}}]")).containsExactly("/arms/0/set/~1seed");
    assertThat(pointers("\"seeds\":[1,1]")).containsExactly("/seeds/1");
    assertThat(pointers("\"seeds\":[]")).containsExactly("/seeds");
    assertThat(pointers("\"seeds\":[1.5]")).containsExactly("/seeds/0");
    assertThat(pointers("\"maxConcurrent\":0")).containsExactly("/maxConcurrent");
    assertThat(pointers("\"objective\":{\"mode\":\"up\"}")).containsExactly("/objective/mode");
    assertThat(pointers("\"extra\":1")).containsExactly("/extra");
    assertThatThrownBy(() -> StudySpecs.parse("{\"base\":3}", EngineLimits.DEFAULTS))
        .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.violations())
            .extracting(Violation::pointer).containsExactly("/name", "/base"));
  }

  @Test
  void tooManyTrialsAreRefusedWhereTheCountComesFrom() {
    String seeds = "\"seeds\":[" + String.join(",", java.util.stream.IntStream.range(0, 501)
        .mapToObj(String::valueOf).toList()) + "]";
    assertThat(pointers(ARMS + "," + seeds)).containsExactly("/seeds");
    assertThat(pointers("\"seeds\":[1,2,3],\"search\":{\"type\":\"random\",\"trials\":400,\"space\":{"
        + "\"/optimizer/lr\":{\"type\":\"uniform\",\"low\":0.1,\"high\":0.2}}}")).containsExactly("/search/trials");
    assertThat(pointers("\"search\":{\"type\":\"grid\",\"space\":{\"/optimizer/lr\":{\"type\":\"uniform\","
        + "\"low\":0.1,\"high\":0.2,\"points\":1000},\"/batchSize\":{\"type\":\"choice\",\"values\":[1,2]}}}"))
        .containsExactly("/search/space");
  }

  @Test
  void theStudyExamplesParse() throws Exception {
    List<java.nio.file.Path> files;
    try (var listing = java.nio.file.Files.list(java.nio.file.Path.of("..", "examples", "studies"))) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (java.nio.file.Path file : files) {
      StudySpec study = StudySpecs.parse(java.nio.file.Files.readString(file), EngineLimits.DEFAULTS);
      assertThat(study.trials()).as(file.toString()).isNotEmpty();
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
