package dev.descent.engine.fullbatch;

import dev.descent.engine.fullbatch.core.Block;
import java.util.List;

/**
 * A full-batch optimizer as read from a spec by {@link FullBatchOptimizers#read}, every default filled in and every
 * value checked: {@code coordinate_descent} has {@link Coordinate} settings only, every other type the
 * {@link Loop} settings and its {@link Method} settings. {@link FullBatchOptimizers#create} reads nothing else.
 */
public record FullBatchSettings(String type, Loop loop, Method method, Coordinate coordinate) {
  /**
   * PyTorch {@code LBFGS}'s knobs; {@code maxEval} null for max_iter·5/4, {@code lineSearchFn} null for fixed steps,
   * {@code c1}/{@code c2} the Wolfe constants (0 for lbfgs, which takes none).
   */
  public record Loop(double lr, int maxIter, Integer maxEval, double toleranceGrad, double toleranceChange,
      String lineSearchFn, double c1, double c2) {}

  /**
   * The method's own settings, 0 (or null) where its type takes none: {@code history_size} (lbfgs),
   * {@code beta_type}, {@code restart} (cg), {@code max_params} (bfgs, newton), {@code damping} (newton,
   * newton_cg), {@code max_cg_iter} (newton_cg).
   */
  public record Method(int historySize, String betaType, int restart, int maxParams, double damping,
      int maxCgIter) {}

  /** {@code blocks} (null: the objective's own) and the {@code inner} method of {@code coordinate_descent}. */
  public record Coordinate(List<Block> blocks, FullBatchSettings inner) {
    public Coordinate {
      blocks = blocks == null ? null : List.copyOf(blocks);
    }
  }
}
