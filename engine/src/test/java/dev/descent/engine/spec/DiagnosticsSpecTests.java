package dev.descent.engine.spec;

import static dev.descent.engine.spec.IrisSpecs.parse;
import static dev.descent.engine.spec.IrisSpecs.pointers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code /diagnostics}: off by default, defaults, round trip, and a problem naming each bad field. */
class DiagnosticsSpecTests {
  @Test
  void isOffByDefaultAndAbsentFromTheCanonicalJson() {
    assertThat(parse("").diagnostics()).isNull();
    assertThat(SpecParser.toJson(parse(""))).doesNotContain("diagnostics");
  }

  @Test
  void isReadWithDefaultsAndRoundTrips() {
    assertThat(parse(",\"diagnostics\":{}").diagnostics()).isEqualTo(new DiagnosticsSpec(10, 100));
    TrainingSpec full = parse(",\"diagnostics\":{\"everyIterations\":0,\"curvatureEvery\":7}");
    assertThat(full.diagnostics()).isEqualTo(new DiagnosticsSpec(0, 7));
    assertThat(SpecParser.parse(SpecParser.toJson(full), EngineLimits.DEFAULTS)).isEqualTo(full);
    assertThat(full.diagnostics().layersDue(10)).isFalse();
    assertThat(full.diagnostics().curvatureDue(14)).isTrue();
  }

  @Test
  void badFieldsAreRefusedAtTheirPointers() {
    assertThat(pointers(",\"diagnostics\":{\"everyIterations\":-1}")).containsExactly("/diagnostics/everyIterations");
    assertThat(pointers(",\"diagnostics\":{\"everyIterations\":2.5}")).containsExactly("/diagnostics/everyIterations");
    assertThat(pointers(",\"diagnostics\":{\"everyIterations\":3000000000}"))
        .containsExactly("/diagnostics/everyIterations");
    assertThat(pointers(",\"diagnostics\":{\"curvatureEvery\":-5}")).containsExactly("/diagnostics/curvatureEvery");
    assertThat(pointers(",\"diagnostics\":{\"curvatureEvery\":\"often\"}"))
        .containsExactly("/diagnostics/curvatureEvery");
    assertThat(pointers(",\"diagnostics\":{\"every\":3}")).containsExactly("/diagnostics/every");
    assertThat(pointers(",\"diagnostics\":true")).containsExactly("/diagnostics");
  }

  @Test
  void fullBatchOptimizersRefuseIt() {
    assertThat(pointers(",\"optimizer\":{\"type\":\"lbfgs\"},\"diagnostics\":{}")).containsExactly("/diagnostics");
  }
}
