package dev.descent.engine.fullbatch.loop;

import dev.descent.engine.fullbatch.core.Block;
import dev.descent.engine.fullbatch.core.Evaluation;
import dev.descent.engine.fullbatch.core.Objective;
import java.util.List;

/** Counts every call into an {@link Objective}: one evaluation per value, gradient or evaluate call. */
final class CountingObjective implements Objective {
  private final Objective delegate;
  private int count;

  CountingObjective(Objective delegate) {
    this.delegate = delegate;
  }

  int count() {
    return count;
  }

  @Override
  public double value(double[] x) {
    count++;
    return delegate.value(x);
  }

  @Override
  public double[] gradient(double[] x) {
    count++;
    return delegate.gradient(x);
  }

  @Override
  public Evaluation evaluate(double[] x) {
    count++;
    return delegate.evaluate(x);
  }

  @Override
  public List<Block> blocks(int dimension) {
    return delegate.blocks(dimension);
  }
}
