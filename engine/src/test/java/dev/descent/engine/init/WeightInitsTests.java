package dev.descent.engine.init;

import static dev.descent.engine.support.JsonText.json;
import static dev.descent.engine.support.Pointers.pointers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.engine.validation.SpecException;
import org.deeplearning4j.nn.weights.WeightInitConstant;
import org.junit.jupiter.api.Test;

class WeightInitsTests {
  @Test
  void everyNameBuildsItsSchemeWithDefaults() throws Exception {
    assertThat(WeightInits.fromSpec(json("\"uniform\""))).isEqualTo(new FanInUniformInit());
    assertThat(WeightInits.fromSpec(json("\"xavier_uniform\""))).isEqualTo(new XavierInit());
    assertThat(WeightInits.fromSpec(json("\"xavier_normal\"")))
        .isEqualTo(new XavierInit(Distribution.NORMAL, 1, 1));
    assertThat(WeightInits.fromSpec(json("\"kaiming_uniform\"")))
        .isEqualTo(new KaimingInit(Distribution.UNIFORM, FanMode.FAN_IN, "relu", 0, 1));
    assertThat(WeightInits.fromSpec(json("\"kaiming_normal\""))).isEqualTo(new KaimingInit());
    assertThat(WeightInits.fromSpec(json("\"lecun_uniform\""))).isEqualTo(new LecunInit(Distribution.UNIFORM, 1));
    assertThat(WeightInits.fromSpec(json("\"lecun_normal\""))).isEqualTo(new LecunInit());
    assertThat(WeightInits.fromSpec(json("\"orthogonal\""))).isEqualTo(new OrthogonalInit());
    assertThat(WeightInits.fromSpec(json("\"sparse\""))).isEqualTo(new SparseInit());
    assertThat(WeightInits.fromSpec(json("\"lsuv\""))).isEqualTo(new OrthogonalInit());
  }

  @Test
  void theJobSpecsOlderNamesAreAliases() throws Exception {
    assertThat(WeightInits.fromSpec(json("\"xavier\""))).isEqualTo(new XavierInit(Distribution.NORMAL, 1, 1));
    assertThat(WeightInits.fromSpec(json("{\"type\":\"relu\",\"scale\":2}")))
        .isEqualTo(new KaimingInit(Distribution.NORMAL, FanMode.FAN_IN, "relu", 0, 2));
    assertThat(WeightInits.fromSpec(json("\"relu_uniform\"")))
        .isEqualTo(new KaimingInit(Distribution.UNIFORM, FanMode.FAN_IN, "relu", 0, 1));
    assertThat(WeightInits.fromSpec(json("\"normal\""))).isEqualTo(new LecunInit(Distribution.NORMAL, 1));
    assertThat(WeightInits.fromSpec(json("\"zero\""))).isEqualTo(new WeightInitConstant(0.0));
    assertThat(pointers(WeightInits.validate(json("{\"type\":\"zero\",\"scale\":2}"), "/w")))
        .containsExactly("/w/scale");
  }

  @Test
  void fieldsReachTheScheme() throws Exception {
    String kaiming = "{\"type\":\"kaiming_uniform\",\"mode\":\"fan_out\",\"nonlinearity\":\"leaky_relu\","
        + "\"negativeSlope\":0.2,\"scale\":0.5}";
    assertThat(WeightInits.fromSpec(json(kaiming)))
        .isEqualTo(new KaimingInit(Distribution.UNIFORM, FanMode.FAN_OUT, "leaky_relu", 0.2, 0.5));
    assertThat(WeightInits.fromSpec(json("{\"type\":\"sparse\",\"k\":5,\"scale\":2}")))
        .isEqualTo(new SparseInit(5, 2));
    assertThat(WeightInits.fromSpec(json("{\"type\":\"orthogonal\",\"gain\":1.4}")))
        .isEqualTo(new OrthogonalInit(1.4, 1));
    Lsuv lsuv = WeightInits.lsuv(json("{\"type\":\"lsuv\",\"tolerance\":0.05,\"maxIterations\":3}")).orElseThrow();
    assertThat(lsuv.tolerance()).isEqualTo(0.05);
    assertThat(lsuv.maxIterations()).isEqualTo(3);
    assertThat(WeightInits.lsuv(json("\"orthogonal\""))).isEmpty();
  }

  @Test
  void violationsNameEachFieldUnderThePrefix() throws Exception {
    String bad = "{\"type\":\"kaiming_normal\",\"mode\":\"fan_avg\",\"nonlinearity\":\"swish\","
        + "\"scale\":-1,\"k\":3}";
    assertThat(pointers(WeightInits.validate(json(bad), "/model/layers/0/weightInit")))
        .containsExactlyInAnyOrder(
            "/model/layers/0/weightInit/mode",
            "/model/layers/0/weightInit/nonlinearity",
            "/model/layers/0/weightInit/scale",
            "/model/layers/0/weightInit/k");
    assertThat(pointers(WeightInits.validate(json("{\"type\":\"sparse\",\"k\":2.5}"), "/w")))
        .containsExactly("/w/k");
    assertThat(pointers(WeightInits.validate(json("{\"type\":\"glorot\"}"), "/w"))).containsExactly("/w/type");
    assertThat(pointers(WeightInits.validate(json("\"glorot\""), "/w"))).containsExactly("/w");
    assertThat(WeightInits.validate(json("{\"type\":\"lsuv\",\"tolerance\":0.2}"), "/w")).isEmpty();
    assertThatThrownBy(() -> WeightInits.fromSpec(json("{\"type\":\"lsuv\",\"tolerance\":1}")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("/tolerance");
  }
}
