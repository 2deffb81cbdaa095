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

/**
 * The dashboard in a real headless Chromium, driven by Playwright ({@code api/src/test/browser/dashboard-test.cjs},
 * npm playwright-core with Debian's chromium; {@code .ci/browser-test.sh} installs both when missing and never
 * skips) against this running service: job list, submit form with inline errors, a job's progress bar and chart,
 * cancel, compare, playground, signing in (the {@code #key=} link, the form) and out. Screenshots land in
 * api/target/browser.
 */
class DashboardBrowserTests extends ApiTestBase {
  @Test
  void theDashboardWorksInARealBrowser() throws Exception {
    ExternalCommand.Result result = ExternalCommand.run(List.of("bash", ".ci/browser-test.sh"),
        Map.of("DESCENT_URL", "http://localhost:" + port, "DESCENT_API_KEY", TestKeys.ADMIN),
        Path.of("target", "browser-test.log"), Duration.ofMinutes(10));
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).containsPattern("(?m)^\\d+ passed, 0 failed");
  }
}
