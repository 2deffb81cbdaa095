package dev.descent.engine.fullbatch;

import static dev.descent.engine.playground.FullBatchMethods.objective;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.fullbatch.core.StepRecord;
import dev.descent.engine.fullbatch.core.StopReason;
import dev.descent.engine.playground.Rosenbrock;
import dev.descent.engine.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FullBatchOptimizersTests {

  @ParameterizedTest
  @ValueSource(strings = {"lbfgs", "cg", "bfgs", "newton", "newton_cg", "steepest_descent", "coordinate_descent"})
  void everyTypeIsHandledAndValidWithItsDefaults(String type) {
    assertThat(FullBatchOptimizers.handles(type)).isTrue();
    assertThat(FullBatchOptimizers.validate(Specs.json("{\"type\": \"" + type + "\"}"))).isEmpty();
    double[] x = {-1.5, 2};
    StepRecord record = FullBatchOptimizers.create(Specs.json("{\"type\": \"" + type + "\"}"))
        .step(objective(new Rosenbrock(2)), x);
    assertThat(objective(new Rosenbrock(2)).value(x)).isLessThan(record.f());
  }

  @Test
  void firstOrderTypesAreNotHandled() {
    assertThat(FullBatchOptimizers.handles("adam")).isFalse();
    assertThat(FullBatchOptimizers.validate(Specs.json("{\"type\": \"adam\"}")))
        .extracting(Violation::pointer).containsExactly("/optimizer/type");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"type\": \"lbfgs\", \"momentum\": 0.9}                    | /optimizer/momentum",
      "{\"type\": \"lbfgs\", \"lr\": -1}                           | /optimizer/lr",
      "{\"type\": \"lbfgs\", \"lr\": \"fast\"}                     | /optimizer/lr",
      "{\"type\": \"lbfgs\", \"max_iter\": 0}                      | /optimizer/max_iter",
      "{\"type\": \"lbfgs\", \"max_iter\": null}                   | /optimizer/max_iter",
      "{\"type\": \"lbfgs\", \"max_eval\": 2.5}                    | /optimizer/max_eval",
      "{\"type\": \"lbfgs\", \"history_size\": 0}                  | /optimizer/history_size",
      "{\"type\": \"lbfgs\", \"tolerance_grad\": -1e-7}            | /optimizer/tolerance_grad",
      "{\"type\": \"lbfgs\", \"line_search_fn\": \"backtracking\"} | /optimizer/line_search_fn",
      "{\"type\": \"lbfgs\", \"beta_type\": \"polak_ribiere\"}     | /optimizer/beta_type",
      "{\"type\": \"cg\", \"beta_type\": \"dai_yuan\"}             | /optimizer/beta_type",
      "{\"type\": \"cg\", \"c1\": 0.5, \"c2\": 0.4}                | /optimizer/c2",
      "{\"type\": \"cg\", \"c1\": 0.2}                             | /optimizer/c2",
      "{\"type\": \"bfgs\", \"max_params\": 20000}                 | /optimizer/max_params",
      "{\"type\": \"newton\", \"damping\": -1}                     | /optimizer/damping",
      "{\"type\": \"newton_cg\", \"max_cg_iter\": -1}              | /optimizer/max_cg_iter",
      "{\"type\": \"coordinate_descent\", \"lr\": 1}               | /optimizer/lr",
      "{\"type\": \"coordinate_descent\", \"blocks\": [[0, 2], [3, 3]]}   | /optimizer/blocks/1",
      "{\"type\": \"coordinate_descent\", \"inner\": {\"type\": \"cg\", \"lr\": 0}} | /optimizer/inner/lr",
      "{\"type\": \"coordinate_descent\", \"inner\": {\"type\": \"coordinate_descent\"}} | /optimizer/inner/type",
      "[1, 2]                                                      | /optimizer"})
  void namesTheOffendingField(String spec, String pointer) {
    List<Violation> violations = FullBatchOptimizers.validate(Specs.json(spec));
    assertThat(violations).extracting(Violation::pointer).containsExactly(pointer);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\": \"steepest_descent\", \"line_search_fn\": \"backtracking\"}",
      "{\"type\": \"lbfgs\", \"max_eval\": null, \"line_search_fn\": null}",
      "{\"type\": \"cg\", \"beta_type\": \"hestenes_stiefel\", \"restart\": 5, \"c1\": 0.01, \"c2\": 0.4}",
      "{\"type\": \"coordinate_descent\", \"blocks\": [[0, 1], [1, 2]], \"inner\": {\"type\": \"newton\"}}"})
  void acceptsValidSettings(String spec) {
    assertThat(FullBatchOptimizers.validate(Specs.json(spec))).isEmpty();
  }

  @Test
  void lbfgsDefaultsArePyTorchs() {
    StepRecord record = Specs.optimizer("{\"type\": \"lbfgs\", \"tolerance_change\": 0}")
        .step(objective(new Rosenbrock(2)), new double[] {-1.5, 2});
    assertThat(record.iterations()).as("max_iter 20").isEqualTo(20);
    assertThat(record.evaluations()).as("no line search: one evaluation per iteration but the last").isEqualTo(20);
    assertThat(record.stop()).isEqualTo(StopReason.MAX_ITERATIONS);
  }

  @Test
  void fillsInEveryDefault() {
    assertThat(FullBatchOptimizers.withDefaults(Specs.json("{\"type\": \"lbfgs\", \"lr\": 0.5}"))).isEqualTo(
        Specs.json("{\"type\": \"lbfgs\", \"lr\": 0.5, \"max_iter\": 20, \"max_eval\": null, "
            + "\"tolerance_grad\": 1e-7, \"tolerance_change\": 1e-9, \"line_search_fn\": null, "
            + "\"history_size\": 100}"));
    JsonNode coordinate = FullBatchOptimizers.withDefaults(Specs.json("{\"type\": \"coordinate_descent\"}"));
    assertThat(coordinate.at("/inner/max_iter").asInt()).isEqualTo(20);
  }
}
