package dev.descent.engine.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.RuleSpec;
import dev.descent.engine.spec.TrainingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PBT scheduler as read: its population from a random search, its rounds' pause rules, and every bad field. */
class PbtReaderTests {
  private static final String BASE = "{\"dataset\":{\"name\":\"iris\",\"validationSplit\":0.2},"
      + "\"model\":{\"layers\":[{\"type\":\"output\"}]},\"optimizer\":{\"type\":\"sgd\",\"lr\":0.01,"
      + "\"momentum\":0.9},\"epochs\":7}";
  private static final String SEARCH = "\"search\":{\"type\":\"random\",\"sampleSeed\":3,\"space\":{\"/optimizer/lr\":"
      + "{\"type\":\"loguniform\",\"low\":0.001,\"high\":0.3}}}";
  private static final String PBT = "\"scheduler\":{\"type\":\"pbt\",\"population\":4,\"interval\":2,"
      + "\"mutations\":{\"/optimizer/lr\":{\"factors\":[0.8,1.25]}}";

  private static StudySpec parse(String fields) {
    return StudySpecs.parse("{\"name\":\"p\",\"base\":" + BASE + "," + fields + "}", EngineLimits.DEFAULTS);
  }

  private static List<String> pointers(String fields) {
    try {
      parse(fields);
      throw new AssertionError("accepted: " + fields);
    } catch (dev.descent.engine.validation.SpecException e) {
      return e.violations().stream().map(v -> v.pointer()).toList();
    }
  }

  @Test
  void thePopulationIsARandomSearchPausingAtEveryRoundEnd() {
    StudySpec study = parse(SEARCH + "," + PBT + "}");
    Pbt pbt = study.pbt();
    assertThat(study.scheduler()).isNull();
    assertThat(pbt.population()).isEqualTo(4);
    assertThat(pbt.quantile()).isEqualTo(0.25);
    assertThat(pbt.sampleSeed()).isEqualTo(3);
    assertThat(pbt.pauses()).containsExactly(2, 4, 6);
    assertThat(pbt.tracked()).containsExactly("/optimizer/lr");
    assertThat(pbt.mutations()).containsExactly(
        new Pbt.Mutation("/optimizer/lr", List.of(0.8, 1.25), 0.001, 0.3, false));
    assertThat(study.trials()).hasSize(4);
    StudySpec random = StudySpecs.parse("{\"name\":\"p\",\"base\":" + BASE + "," + SEARCH.replace("\"sampleSeed\"",
        "\"trials\":4,\"sampleSeed\"") + "}", EngineLimits.DEFAULTS);
    for (int i = 0; i < 4; i++) {
      assertThat(study.trials().get(i).valuesJson()).isEqualTo(random.trials().get(i).valuesJson());
      TrainingSpec spec = (TrainingSpec) study.trials().get(i).spec();
      assertThat(spec.epochs()).isEqualTo(7);
      assertThat(spec.rules()).extracting(r -> r.when().points()).containsExactly(2, 4, 6);
      assertThat(spec.rules()).allSatisfy(r -> assertThat(r.action()).isEqualTo(RuleSpec.PAUSE));
    }
  }

  @Test
  void aMutatedBaseValueIsTrackedAsAnIntegerWhenItIsOne() {
    Pbt pbt = parse(SEARCH + "," + PBT.replace("}}", "}, \"/optimizer/momentum\":{\"factors\":[0.9]}}")
        + ",\"quantile\":0.5}").pbt();
    assertThat(pbt.tracked()).containsExactly("/optimizer/lr", "/optimizer/momentum");
    assertThat(pbt.mutations().get(1).low()).isNull();
    assertThat(pbt.quantile()).isEqualTo(0.5);
  }

  @Test
  void theExampleStudyReads() throws IOException {
    StudySpec study = StudySpecs.parse(Files.readString(Path.of("../examples/studies/pbt-lr.json")),
        EngineLimits.DEFAULTS);
    assertThat(study.trials()).hasSize(study.pbt().population());
    assertThat(study.pbt().pauses()).isNotEmpty();
  }

  @Test
  void badFieldsAreReportedWhereTheyAre() {
    String mutations = ",\"mutations\":{\"/optimizer/lr\":{\"factors\":[1.2]}}}";
    String head = SEARCH + ",\"scheduler\":{\"type\":\"pbt\"";
    assertThat(pointers(head + ",\"population\":1,\"interval\":2" + mutations))
        .containsExactly("/scheduler/population");
    assertThat(pointers(head + ",\"population\":4,\"interval\":7" + mutations))
        .containsExactly("/scheduler/interval");
    assertThat(pointers(head + ",\"population\":4,\"interval\":0" + mutations))
        .containsExactly("/scheduler/interval");
    assertThat(pointers(head + ",\"population\":4,\"interval\":2,\"quantile\":0.6" + mutations))
        .containsExactly("/scheduler/quantile");
    assertThat(pointers(head + ",\"population\":4,\"interval\":2,\"quantile\":0" + mutations))
        .containsExactly("/scheduler/quantile");
    assertThat(pointers(head + ",\"population\":4,\"interval\":2}")).containsExactly("/scheduler/mutations");
    assertThat(pointers(head + ",\"population\":4,\"interval\":2,\"mutations\":{\"/optimizer/beta1\":"
        + "{\"factors\":[2]}}}")).containsExactly("/scheduler/mutations/~1optimizer~1beta1");
    assertThat(pointers(head + ",\"population\":4,\"interval\":2,\"mutations\":{\"/optimizer/lr\":"
        + "{\"factors\":[]}}}")).containsExactly("/scheduler/mutations/~1optimizer~1lr/factors");
    assertThat(pointers(head + ",\"population\":4,\"interval\":2,\"mutations\":{\"/optimizer/lr\":"
        + "{\"factors\":[1,-2]}}}")).containsExactly("/scheduler/mutations/~1optimizer~1lr/factors/1");
    assertThat(pointers(head + ",\"population\":4,\"interval\":2,\"mutations\":{\"/optimizer/type\":"
        + "{\"factors\":[2]}}}")).containsExactly("/scheduler/mutations/~1optimizer~1type");
  }

  @Test
  void aMutationThatCanLeaveTheJobSpecsRangeIsRefusedWhereItIsNamed() {
    assertThat(pointers(SEARCH + "," + PBT.replace("}}", "}, \"/optimizer/momentum\":{\"factors\":[1.25]}}")
        + "}")).containsExactly("/scheduler/mutations/~1optimizer~1momentum");
  }

  @Test
  void aPlateauScheduledBaseIsRefused() {
    String body = "{\"name\":\"p\",\"base\":" + BASE.replace("\"epochs\":7",
        "\"schedule\":{\"type\":\"plateau\"},\"epochs\":7") + "," + SEARCH + "," + PBT + "}}";
    try {
      StudySpecs.parse(body, EngineLimits.DEFAULTS);
      throw new AssertionError("accepted: " + body);
    } catch (dev.descent.engine.validation.SpecException e) {
      assertThat(e.violations()).extracting(v -> v.pointer()).containsExactly("/scheduler/mutations");
    }
  }

  @Test
  void thePopulationMustBeOneRandomSearchWithoutArmsOrMoreSeeds() {
    assertThat(pointers(SEARCH.replace("\"sampleSeed\"", "\"trials\":5,\"sampleSeed\"") + "," + PBT + "}"))
        .containsExactly("/search/trials");
    assertThat(pointers(SEARCH.replace("random", "grid") + "," + PBT + "}")).containsExactly("/search/type");
    assertThat(pointers(SEARCH + "," + PBT + "},\"seeds\":[1,2]")).containsExactly("/seeds");
    assertThat(pointers(SEARCH + "," + PBT + "},\"arms\":[{\"name\":\"a\"}]")).containsExactly("/arms");
    assertThat(pointers(PBT + "}")).containsExactly("/scheduler");
    assertThat(pointers(SEARCH.replace("}}}", "},\"/batchSize\":{\"type\":\"choice\",\"values\":[8,16]}}}")
        + "," + PBT + "}")).containsExactly("/search/space/~1batchSize");
  }
}
