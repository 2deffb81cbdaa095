package dev.descent.engine.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The gradient check as a request: a dense + batch norm + residual model and a maxout model (on whitened inputs)
 * pass block by block, a tampered analytic
 * gradient fails where it was tampered, and oversized or dropout-using requests are refused by field.
 */
class GradientCheckTests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL = """
      {"layers": [{"type": "dense", "units": 6, "activation": "tanh"},
                  {"type": "batchnorm"},
                  {"type": "residual", "activation": "tanh", "layers": [
                     {"type": "dense", "units": 6, "activation": "tanh"},
                     {"type": "dense", "units": 6, "activation": "identity"}]},
                  {"type": "output"}]}""";
  private final GradientCheck check = new GradientCheck(GradientCheckLimits.DEFAULTS, null);

  private static JsonNode request(String extra) throws Exception {
    return JSON.readTree("{\"model\": " + MODEL + ", " + extra + "}");
  }

  @Test
  void aDenseBatchNormResidualModelPassesBlockByBlock() throws Exception {
    GradientCheckResult result = check.run(request("\"dataset\": {\"name\": \"iris\"}, \"rows\": 8"));
    assertThat(result.passed()).isTrue();
    assertThat(result.rows()).isEqualTo(8);
    assertThat(result.blocks()).extracting(BlockCheck::block).contains("0:W", "0:b").hasSizeGreaterThan(6);
    assertThat(result.blocks()).allSatisfy(b -> {
      assertThat(b.passed()).isTrue();
      assertThat(b.checked()).isPositive();
      assertThat(b.maxRelativeError()).isLessThanOrEqualTo(1e-5);
    });
  }

  @Test
  void aMaxoutModelOnWhitenedInputsPasses() throws Exception {
    GradientCheckResult result = check.run(JSON.readTree("""
        {"model": {"layers": [{"type": "maxout", "units": 5, "pieces": 3}, {"type": "maxout", "units": 4},
                              {"type": "output"}]},
         "dataset": {"name": "wine", "whiten": "zca"}, "rows": 8}"""));
    assertThat(result.passed()).isTrue();
    assertThat(result.blocks()).extracting(BlockCheck::block).contains("0:W", "0:b", "1:W", "1:b");
  }

  @Test
  void givenInputsAndLabelsAreChecked() throws Exception {
    GradientCheckResult result = check.run(JSON.readTree("""
        {"model": {"layers": [{"type": "dense", "units": 3, "activation": "sigmoid"}, {"type": "output"}]},
         "inputs": [[0.5, -1.0], [1.5, 0.25], [-0.75, 2.0]], "labels": [[1, 0], [0, 1], [1, 0]], "samples": 2}"""));
    assertThat(result.passed()).isTrue();
    assertThat(result.blocks()).extracting(BlockCheck::checked).containsExactly(2, 2, 2, 2);
  }

  @Test
  void aWrongAnalyticGradientFailsWhereItIsWrong() throws Exception {
    GradientCheckRequest read = new GradientCheckReader(GradientCheckLimits.DEFAULTS, null)
        .read(request("\"dataset\": {\"name\": \"iris\"}, \"rows\": 8"));
    DataSet batch = GradientCheck.batch(read);
    List<BlockCheck> blocks = CentralDifferences.check(GradientCheck.network(read), batch, read.settings(),
        g -> g.putScalar(3, g.getDouble(3) + 0.01));
    BlockCheck first = blocks.get(0);
    assertThat(first.block()).isEqualTo("0:W");
    assertThat(first.passed()).isFalse();
    assertThat(first.worstIndex()).isEqualTo(3);
    assertThat(first.analytic() - first.numeric()).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(blocks.subList(1, blocks.size())).allMatch(BlockCheck::passed);
  }

  @Test
  void tooManyParametersTooManyRowsBadEpsilonAndDropoutAreRefusedByField() throws Exception {
    JsonNode request = JSON.readTree("""
        {"model": {"layers": [{"type": "dense", "units": 4000, "dropout": 0.5}, {"type": "output"}]},
         "dataset": {"name": "digits"}, "rows": 65, "epsilon": 0}""");
    assertThatThrownBy(() -> check.run(request)).isInstanceOfSatisfying(SpecException.class,
        e -> assertThat(e.violations()).extracting(Violation::pointer)
            .containsExactlyInAnyOrder("/rows", "/epsilon", "/model/layers/0/dropout"));
    JsonNode tooManyEntries = JSON.readTree("""
        {"model": {"layers": [{"type": "dense", "units": 200}, {"type": "output"}]},
         "dataset": {"name": "digits"}, "samples": 1000}""");
    assertThatThrownBy(() -> new GradientCheck(new GradientCheckLimits(100_000, 64, 1_000, 1_500, 64), null)
        .run(tooManyEntries)).isInstanceOfSatisfying(SpecException.class,
            e -> assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/samples"));
    JsonNode large = JSON.readTree("""
        {"model": {"layers": [{"type": "dense", "units": 4000}, {"type": "output"}]},
         "dataset": {"name": "digits"}}""");
    assertThatThrownBy(() -> check.run(large)).isInstanceOfSatisfying(SpecException.class,
        e -> assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/model/layers"));
  }
}
