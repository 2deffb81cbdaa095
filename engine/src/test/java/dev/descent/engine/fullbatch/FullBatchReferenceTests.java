package dev.descent.engine.fullbatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.fullbatch.core.FullBatchOptimizer;
import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.fullbatch.core.StepRecord;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every PyTorch {@code LBFGS} trajectory in {@code ${descent.reference.dir}/optim}: one {@code step} per recorded
 * step, matching g, x, f and the evaluation count within 1e-8 relative to max(1, |value|).
 */
class FullBatchReferenceTests {
  private static final double TOLERANCE = 1e-8;

  @TestFactory
  Stream<DynamicTest> lbfgsMatchesPyTorchStepForStep() {
    List<ReferenceCase> cases = ReferenceCase.matching("lbfgs");
    assertThat(cases).as("L-BFGS reference files").isNotEmpty();
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> replay(c)));
  }

  private static void replay(ReferenceCase c) {
    ObjectNode spec = ((ObjectNode) c.json().at("/optimizer/hyperparameters").deepCopy()).put("type", "lbfgs");
    assertThat(FullBatchOptimizers.validate(spec)).isEmpty();
    FullBatchOptimizer optimizer = FullBatchOptimizers.create(spec);
    Objective objective = c.objective();
    double[] x = ReferenceCase.vector(c.json().get("x0"));
    for (JsonNode expected : c.json().get("steps")) {
      String where = c.name() + " step " + expected.get("t").asInt();
      StepRecord record = optimizer.step(objective, x);
      assertClose(where + " g", record.g(), ReferenceCase.vector(expected.get("g")));
      assertClose(where + " x", x, ReferenceCase.vector(expected.get("x")));
      assertClose(where + " f", new double[] {objective.value(x)}, new double[] {expected.get("f").asDouble()});
      assertThat(record.evaluations()).as(where + " evaluations").isEqualTo(expected.get("evaluations").asInt());
      assertThat(record.t()).as(where + " t").isEqualTo(expected.get("t").asLong());
      assertThat(record.lineSearchEvaluations()).as(where + " line-search evaluations")
          .isEqualTo(spec.get("line_search_fn").isNull() ? 0 : record.evaluations() - 1);
    }
  }

  private static void assertClose(String what, double[] actual, double[] expected) {
    assertThat(actual).as(what + " length").hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      double bound = TOLERANCE * Math.max(1, Math.abs(expected[i]));
      assertThat(Math.abs(actual[i] - expected[i])).as(what + "[" + i + "] = " + actual[i] + " vs " + expected[i])
          .isLessThanOrEqualTo(bound);
    }
  }
}
