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

/** The ASHA scheduler as read: its rungs, and every trial running maxEpochs with a pause rule per lower rung. */
class SchedulerTests {
  private static final String SEARCH = "\"search\":{\"type\":\"grid\",\"space\":{\"/optimizer/lr\":"
      + "{\"type\":\"choice\",\"values\":[0.1,0.01]}}}";

  @Test
  void rungsGrowByTheFactorUpToTheTop() {
    assertThat(new Scheduler("asha", 1, 3, 27).rungs()).containsExactly(1, 3, 9, 27);
    assertThat(new Scheduler("asha", 2, 2, 20).rungs()).containsExactly(2, 4, 8, 16, 20);
    assertThat(new Scheduler("asha", 5, 3, 5).rungs()).containsExactly(5);
  }

  @Test
  void everyTrialRunsMaxEpochsAndPausesAtEachLowerRungAfterItsOwnRules() {
    StudySpec study = StudySpecsTests.parse(SEARCH + ",\"objective\":{\"metric\":\"val_accuracy\"},"
        + "\"scheduler\":{\"type\":\"asha\",\"maxEpochs\":9}");
    assertThat(study.scheduler()).isEqualTo(new Scheduler("asha", 1, 3, 9));
    for (Trial trial : study.trials()) {
      TrainingSpec spec = (TrainingSpec) trial.spec();
      assertThat(spec.epochs()).isEqualTo(9);
      List<RuleSpec> rules = spec.rules();
      assertThat(rules).extracting(r -> r.when().points()).containsExactly(1, 3);
      assertThat(rules).allSatisfy(r -> {
        assertThat(r.action()).isEqualTo(RuleSpec.PAUSE);
        assertThat(r.when().metric()).isEqualTo("val_accuracy");
        assertThat(r.when().holds(-1e300)).isTrue();
      });
    }
    assertThat(StudySpecsTests.parse(SEARCH).scheduler()).isNull();
  }

  @Test
  void theExampleStudyReads() throws IOException {
    StudySpec study = StudySpecs.parse(Files.readString(Path.of("../examples/studies/asha-lr.json")),
        EngineLimits.DEFAULTS);
    assertThat(study.trials()).hasSize(27);
    assertThat(study.scheduler().rungs()).containsExactly(1, 3, 9, 27);
  }

  @Test
  void badSchedulersAreReportedAtTheirFields() {
    String asha = ",\"scheduler\":{\"type\":\"asha\",\"maxEpochs\":9";
    assertThat(StudySpecsTests.pointers("\"scheduler\":{\"type\":\"asha\",\"maxEpochs\":9}"))
        .containsExactly("/scheduler");
    assertThat(StudySpecsTests.pointers(SEARCH + ",\"scheduler\":{\"type\":\"hyperband\",\"maxEpochs\":9}"))
        .containsExactly("/scheduler/type");
    assertThat(StudySpecsTests.pointers(SEARCH + asha + ",\"minEpochs\":0}")).containsExactly("/scheduler/minEpochs");
    assertThat(StudySpecsTests.pointers(SEARCH + asha + ",\"reductionFactor\":1}"))
        .containsExactly("/scheduler/reductionFactor");
    assertThat(StudySpecsTests.pointers(SEARCH + asha + ",\"minEpochs\":10}")).containsExactly("/scheduler/maxEpochs");
    assertThat(StudySpecsTests.pointers(SEARCH + asha + ",\"extra\":1}")).containsExactly("/scheduler/extra");
  }
}
