package dev.descent.engine.diagnostics;

import java.util.List;

/** A gradient check's answer: every parameter block in network order, and whether all of them passed. */
public record GradientCheckResult(long parameters, int rows, double epsilon, double tolerance, List<BlockCheck> blocks,
    boolean passed) {
  public GradientCheckResult {
    blocks = List.copyOf(blocks);
  }
}
