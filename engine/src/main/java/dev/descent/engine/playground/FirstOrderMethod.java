package dev.descent.engine.playground;

import dev.descent.engine.optim.OptimizerPlan;
import dev.descent.engine.optim.updater.AsgdConfig;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.Regularization.ApplyStep;

/**
 * Runs an {@link OptimizerPlan} exactly as DL4J's {@code BaseMultiLayerUpdater} / {@code UpdaterBlock} would on one
 * float64 parameter row vector: clip the gradient, apply the before-updater regularizations (L2), turn the gradient
 * into the update with {@code applyUpdater(gradient, iteration, epoch 0)}, apply the after-updater ones (decoupled
 * weight decay), then {@code params -= update}. DL4J's iteration is {@code t − 1}.
 */
public final class FirstOrderMethod implements TrajectoryMethod {
  private final OptimizerPlan plan;

  public FirstOrderMethod(OptimizerPlan plan) {
    this.plan = plan;
  }

  @Override
  public List<TrajectoryPoint> run(TestFunction function, double[] start, int steps) {
    IUpdater config = plan.updater();
    INDArray params = Nd4j.createFromArray(start.clone()).reshape(1, start.length);
    long stateSize = config.stateSize(start.length);
    INDArray state = stateSize == 0 ? null : Nd4j.zeros(DataType.DOUBLE, 1, stateSize);
    GradientUpdater<?> updater = config.instantiate(state, true);
    List<TrajectoryPoint> points = new ArrayList<>(steps);
    for (int iteration = 0; iteration < steps; iteration++) {
      double[] g = function.gradient(params.toDoubleVector());
      INDArray gradient = Nd4j.createFromArray(g.clone()).reshape(1, g.length);
      plan.clipping().apply(gradient, 1);
      double lr = config.hasLearningRate() ? config.getLearningRate(iteration, 0) : 1.0;
      regularize(ApplyStep.BEFORE_UPDATER, params, gradient, lr, iteration);
      updater.applyUpdater(gradient, iteration, 0);
      regularize(ApplyStep.POST_UPDATER, params, gradient, lr, iteration);
      params.subi(gradient);
      double[] x = params.toDoubleVector();
      points.add(new TrajectoryPoint(iteration + 1, x, function.value(x), g, average(config, params, updater)));
    }
    return points;
  }

  private void regularize(ApplyStep step, INDArray params, INDArray gradient, double lr, int iteration) {
    for (Regularization regularization : plan.regularization()) {
      if (regularization.applyStep() == step) {
        regularization.apply(params, gradient, lr, iteration, 0);
      }
    }
  }

  private static double[] average(IUpdater config, INDArray params, GradientUpdater<?> updater) {
    return config instanceof AsgdConfig
        ? AsgdConfig.polyakAverage(params, updater.getState()).toDoubleVector()
        : null;
  }
}
