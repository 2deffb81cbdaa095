package dev.descent.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import org.junit.jupiter.api.Test;

/** The page names uPlot without its version (the pom holds it) and the app serves it from the WebJar. */
class DashboardAssetsTests extends ApiTestBase {
  @Test
  void thePageLoadsUplotFromTheWebJarWithoutNamingItsVersion() {
    String page = http().get("/").text();
    assertThat(page).contains("/webjars/uplot/dist/uPlot.iife.min.js", "/webjars/uplot/dist/uPlot.min.css");

    Http.Response script = http().get("/webjars/uplot/dist/uPlot.iife.min.js");
    Http.Response style = http().get("/webjars/uplot/dist/uPlot.min.css");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.text()).contains("uPlot");
    assertThat(style.status()).isEqualTo(200);
  }
}
