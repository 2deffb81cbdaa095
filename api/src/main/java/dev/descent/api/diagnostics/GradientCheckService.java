package dev.descent.api.diagnostics;

import dev.descent.engine.diagnostics.GradientCheck;
import dev.descent.engine.diagnostics.GradientCheckResult;
import dev.descent.engine.validation.SpecException;
import org.springframework.stereotype.Service;

/**
 * Runs gradient checks of model specs through the engine's {@link GradientCheck}. A request is bounded by
 * {@code descent.limits.gradient-check.*} (parameters, rows, entries per block), so a check is short enough to
 * answer on the request thread; it builds its own small double-precision network and touches no job or storage.
 */
@Service
public class GradientCheckService {
  private final GradientCheck gradientCheck;

  GradientCheckService(GradientCheck gradientCheck) {
    this.gradientCheck = gradientCheck;
  }

  /** The check for a raw JSON request; a {@link SpecException} names every problem (pointer "" for bad JSON). */
  public GradientCheckResult check(String requestJson) {
    return gradientCheck.run(requestJson);
  }
}
