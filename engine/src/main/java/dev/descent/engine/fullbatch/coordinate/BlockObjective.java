package dev.descent.engine.fullbatch.coordinate;

import dev.descent.engine.fullbatch.core.Block;
import dev.descent.engine.fullbatch.core.Evaluation;
import dev.descent.engine.fullbatch.core.Objective;
import java.util.Arrays;

/** The objective restricted to one block: z ↦ f(x with x[from, to) = z); its gradient is ∇f's slice. */
final class BlockObjective implements Objective {
  private final Objective full;
  private final double[] base;
  private final Block block;

  BlockObjective(Objective full, double[] base, Block block) {
    this.full = full;
    this.base = base;
    this.block = block;
  }

  @Override
  public double value(double[] z) {
    return full.value(embed(z));
  }

  @Override
  public double[] gradient(double[] z) {
    return slice(full.gradient(embed(z)));
  }

  @Override
  public Evaluation evaluate(double[] z) {
    Evaluation e = full.evaluate(embed(z));
    return new Evaluation(e.f(), slice(e.g()));
  }

  double[] slice(double[] vector) {
    return Arrays.copyOfRange(vector, block.from(), block.to());
  }

  private double[] embed(double[] z) {
    double[] x = base.clone();
    System.arraycopy(z, 0, x, block.from(), z.length);
    return x;
  }
}
