package dev.descent.api.web;

import dev.descent.api.diagnostics.GradientCheckService;
import dev.descent.api.web.generated.DiagnosticsApi;
import dev.descent.api.web.generated.model.GradientCheckBlock;
import dev.descent.api.web.generated.model.GradientCheckResult;
import dev.descent.engine.diagnostics.BlockCheck;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Gradient checks of model specs (openapi.yaml, tag {@code diagnostics}). */
@RestController
record GradientChecksController(GradientCheckService gradientChecks) implements DiagnosticsApi {
  @Override
  public ResponseEntity<GradientCheckResult> runGradientCheck(String body) {
    var result = gradientChecks.check(body);
    return ResponseEntity.ok(new GradientCheckResult(result.parameters(), result.rows(), result.epsilon(),
        result.tolerance(), result.blocks().stream().map(GradientChecksController::block).toList(),
        result.passed()));
  }

  private static GradientCheckBlock block(BlockCheck b) {
    return new GradientCheckBlock(b.block(), b.size(), b.checked(), b.maxRelativeError(), b.worstIndex(),
        b.analytic(), b.numeric(), b.passed());
  }
}
