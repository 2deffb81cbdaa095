package dev.descent.engine.fullbatch.coordinate;

import dev.descent.engine.fullbatch.core.Block;
import dev.descent.engine.fullbatch.core.Evaluation;
import dev.descent.engine.fullbatch.core.FullBatchOptimizer;
import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.fullbatch.core.StepRecord;
import dev.descent.engine.fullbatch.core.StopReason;
import dev.descent.engine.fullbatch.core.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Block coordinate descent (Wright, "Coordinate descent algorithms", <i>Math. Programming</i> 151, 2015, Algorithm
 * 3 with cyclic blocks): for each block b in order, x_b ← one step of the inner method on z ↦ f(x with x_b = z),
 * the other blocks held at their current values. One outer step is one sweep. The blocks are the spec's, or the
 * objective's own {@link Objective#blocks} (a network's layers); each block keeps its own inner optimizer state.
 * A sweep stops with {@link StopReason#GRADIENT_TOLERANCE} when every block's inner step did, else
 * {@link StopReason#MAX_ITERATIONS}.
 */
public final class BlockCoordinateDescent implements FullBatchOptimizer {
  private final List<Block> configuredBlocks;
  private final Supplier<FullBatchOptimizer> innerFactory;
  private final List<FullBatchOptimizer> inner = new ArrayList<>();
  private long steps;

  /** @param blocks the parameter groups, or null to ask the objective */
  public BlockCoordinateDescent(List<Block> blocks, Supplier<FullBatchOptimizer> innerFactory) {
    this.configuredBlocks = blocks == null ? null : List.copyOf(blocks);
    this.innerFactory = innerFactory;
  }

  @Override
  public StepRecord step(Objective objective, double[] x) {
    steps++;
    Evaluation start = objective.evaluate(x);
    List<Block> blocks = configuredBlocks != null ? configuredBlocks : objective.blocks(x.length);
    int evaluations = 1;
    int lineSearchEvaluations = 0;
    int iterations = 0;
    boolean allOptimal = true;
    double lastStep = 0;
    for (int b = 0; b < blocks.size(); b++) {
      StepRecord r = sweepBlock(objective, x, blocks.get(b), innerFor(b));
      evaluations += r.evaluations();
      lineSearchEvaluations += r.lineSearchEvaluations();
      iterations += r.iterations();
      allOptimal &= r.stop() == StopReason.GRADIENT_TOLERANCE;
      lastStep = r.stepSize();
    }
    StopReason stop = allOptimal ? StopReason.GRADIENT_TOLERANCE : StopReason.MAX_ITERATIONS;
    return new StepRecord(steps, x.clone(), start.f(), start.g(), Vectors.norm(start.g()), evaluations,
        lineSearchEvaluations, iterations, lastStep, stop);
  }

  private static StepRecord sweepBlock(Objective objective, double[] x, Block block, FullBatchOptimizer optimizer) {
    if (block.to() > x.length) {
      throw new IllegalArgumentException("block [" + block.from() + ", " + block.to() + ") lies beyond the "
          + x.length + " parameters");
    }
    BlockObjective restricted = new BlockObjective(objective, x, block);
    double[] z = restricted.slice(x);
    StepRecord r = optimizer.step(restricted, z);
    System.arraycopy(z, 0, x, block.from(), z.length);
    return r;
  }

  private FullBatchOptimizer innerFor(int block) {
    while (inner.size() <= block) {
      inner.add(innerFactory.get());
    }
    return inner.get(block);
  }
}
