package dev.descent.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ExternalCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code openapi.yaml} passes {@code redocly lint} (Redocly's recommended rules, warnings as errors: redocly.yaml) with
 * no problem at all, through {@code .ci/openapi-lint.sh}, which installs the pinned CLI with npm when it is missing;
 * and a copy broken in one place fails it, naming the rule. Logs in api/target/openapi-lint.
 */
class OpenApiLintTests {
  private static final Path WORK = Path.of("target", "openapi-lint");

  @Test
  void theContractLintsClean() throws Exception {
    ExternalCommand.Result result = lint("openapi.yaml", "openapi-lint.log");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("Your API description is valid")
        .doesNotContainPattern("\\d+:\\d+\\s+(error|warning)\\s");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      an OpenAPI 3.1 keyword (an error) | 'minimum: 0, exclusiveMinimum: true, default: 0.00001' \
        | 'exclusiveMinimum: 0, default: 0.00001' | struct
      no license url (a warning)        | '    url: https://www.apache.org/licenses/LICENSE-2.0' | '' \
        | info-license-strict
      no security requirement (an error) | 'security:' | 'x-security:' | security-defined
      """)
  void aCopyBrokenInOnePlaceFails(String what, String from, String to, String rule) throws Exception {
    String contract = Files.readString(Path.of("..", "openapi.yaml"));
    assertThat(contract).as("openapi.yaml").contains(from);
    Path broken = WORK.resolve(rule + ".yaml");
    Files.createDirectories(WORK);
    Files.writeString(broken, contract.replace(from, to));

    ExternalCommand.Result result = lint("api/" + broken, rule + ".log");
    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains(rule).doesNotContain("Your API description is valid");
  }

  private static ExternalCommand.Result lint(String spec, String log) throws Exception {
    return ExternalCommand.run(List.of("bash", ".ci/openapi-lint.sh", spec), Map.of(), WORK.resolve(log),
        Duration.ofMinutes(5));
  }
}
