package dev.descent.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.ExternalCommand;
import dev.descent.api.support.TestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The notebook client (clients/python, standard library only) against this running service, with python3. */
class PythonClientTests extends ApiTestBase {
  @Test
  void theNotebookClientSubmitsWaitsReadsAndDownloads() throws Exception {
    ExternalCommand.Result result = ExternalCommand.run(
        List.of("python3", "clients/python/test_descent_client.py", "-v"),
        Map.of("DESCENT_URL", "http://localhost:" + port, "DESCENT_API_KEY", TestKeys.ADMIN),
        Path.of("target", "python-client.log"),
        Duration.ofMinutes(10));
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("OK").doesNotContain("skipped");
  }
}
