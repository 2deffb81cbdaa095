package dev.descent.engine.spec;

import static dev.descent.engine.spec.IrisSpecs.parse;
import static dev.descent.engine.spec.IrisSpecs.pointers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code /rules}: defaults filled, round trip, any metric name, and a problem naming each bad field. */
class RulesSpecTests {
  @Test
  void areAbsentByDefaultAndFromTheCanonicalJson() {
    assertThat(parse("").rules()).isEmpty();
    assertThat(SpecParser.toJson(parse(""))).doesNotContain("rules");
  }

  @Test
  void areReadWithDefaultsAndRoundTrip() {
    TrainingSpec spec = parse(",\"rules\":[{\"when\":{\"metric\":\"loss\",\"test\":\"nonfinite\"},\"do\":\"stop\"},"
        + "{\"when\":{\"metric\":\"update_ratio/0:dense\",\"test\":\">\",\"value\":0.1,\"for\":50},\"do\":\"pause\"},"
        + "{\"when\":{\"metric\":\"val_loss\",\"test\":\"no_improvement\",\"for\":10},\"do\":\"checkpoint\"},"
        + "{\"when\":{\"metric\":\"val_accuracy\",\"test\":\"no_improvement\",\"minDelta\":0.01},"
        + "\"do\":\"annotate\"}]");
    assertThat(spec.rules()).containsExactly(
        new RuleSpec(new RuleCondition("loss", "nonfinite", null, 1, null, null), "stop"),
        new RuleSpec(new RuleCondition("update_ratio/0:dense", ">", 0.1, 50, null, null), "pause"),
        new RuleSpec(new RuleCondition("val_loss", "no_improvement", null, 10, "min", 0.0), "checkpoint"),
        new RuleSpec(new RuleCondition("val_accuracy", "no_improvement", null, 1, "max", 0.01), "annotate"));
    String json = SpecParser.toJson(spec);
    assertThat(json).contains("{\"when\":{\"metric\":\"loss\",\"test\":\"nonfinite\",\"for\":1},\"do\":\"stop\"}");
    assertThat(SpecParser.parse(json, EngineLimits.DEFAULTS)).isEqualTo(spec);
  }

  @Test
  void badFieldsAreRefusedAtTheirPointers() {
    assertThat(pointers(",\"rules\":[{\"when\":{\"metric\":\"loss\",\"test\":\"nonfinite\"},\"do\":\"stop\"},"
        + "{\"when\":{\"metric\":\"loss\",\"test\":\">\"},\"do\":\"stop\"}]"))
        .containsExactly("/rules/1/when/value");
    assertThat(pointers(",\"rules\":[{\"when\":{\"metric\":\"loss\",\"test\":\"~\"},\"do\":\"stop\"}]"))
        .containsExactly("/rules/0/when/test");
    assertThat(pointers(",\"rules\":[{\"when\":{\"metric\":\"loss\",\"test\":\"nonfinite\"},\"do\":\"halt\"}]"))
        .containsExactly("/rules/0/do");
    assertThat(pointers(",\"rules\":[{\"when\":{\"metric\":\"loss\",\"test\":\"<\",\"value\":1,\"for\":0},"
        + "\"do\":\"stop\"}]")).containsExactly("/rules/0/when/for");
    assertThat(pointers(",\"rules\":[{\"when\":{\"metric\":\"loss\",\"test\":\"nonfinite\",\"value\":1,"
        + "\"mode\":\"min\",\"every\":2},\"do\":\"stop\",\"then\":1}]"))
        .containsExactlyInAnyOrder("/rules/0/then", "/rules/0/when/every", "/rules/0/when/value",
            "/rules/0/when/mode");
    assertThat(pointers(",\"rules\":[{\"do\":\"stop\"}]")).containsExactly("/rules/0/when");
    assertThat(pointers(",\"rules\":[{\"when\":{\"test\":\"nonfinite\"}}]"))
        .containsExactly("/rules/0/when/metric", "/rules/0/do");
    assertThat(pointers(",\"rules\":[{\"when\":{\"metric\":\"val_loss\",\"test\":\"no_improvement\","
        + "\"mode\":\"lowest\",\"minDelta\":-1},\"do\":\"stop\"}]"))
        .containsExactly("/rules/0/when/mode", "/rules/0/when/minDelta");
    assertThat(pointers(",\"rules\":{}")).containsExactly("/rules");
  }

  @Test
  void fullBatchOptimizersTakeRules() {
    assertThat(pointers(",\"optimizer\":{\"type\":\"lbfgs\"},"
        + "\"rules\":[{\"when\":{\"metric\":\"loss\",\"test\":\"nonfinite\"},\"do\":\"stop\"}]")).isEmpty();
  }
}
