package dev.descent.engine.optim.updater;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * PyTorch's {@code torch.optim.ASGD} (Polyak, Juditsky 1992, "Acceleration of Stochastic Approximation by
 * Averaging"; step sizes of Bottou 2012, "Stochastic Gradient Descent Tricks"): with
 * {@code η_t = lr / (1 + λ·lr·(t − 1))^α} and {@code μ_t = 1 / max(1, t − 1 − t0)},
 * {@code θ_t = θ_{t-1}(1 − λη_t) − η_t g_t} and the average {@code ā_t = ā_{t-1} + μ_t(θ_t − ā_{t-1})}.
 *
 * <p>The decay {@code λη_tθ} equals {@code η_t} times an L2 term {@code λθ} on the gradient, so {@code OptimizerSpecs}
 * adds {@code λ} (with {@code weight_decay}) as L2 before this updater, whose update is {@code η_t g_t}. The updater
 * cannot see θ, so it keeps the average as the offset {@code d_t = ā_t − θ_t}, which obeys
 * {@code d_t = (1 − μ_t)(d_{t-1} + u_t)} for the update {@code u_t}; {@link #polyakAverage} adds it back.
 */
public class AsgdConfig extends UpdaterConfig {
  public static final double DEFAULT_LR = 1e-2;
  public static final double DEFAULT_LAMBD = 1e-4;
  public static final double DEFAULT_ALPHA = 0.75;
  public static final double DEFAULT_T0 = 1e6;

  private double lambd = DEFAULT_LAMBD;
  private double alpha = DEFAULT_ALPHA;
  private double t0 = DEFAULT_T0;

  public AsgdConfig() {
    super(DEFAULT_LR);
  }

  public AsgdConfig(double lr, double lambd, double alpha, double t0) {
    super(lr);
    this.lambd = lambd;
    this.alpha = alpha;
    this.t0 = t0;
  }

  /** The Polyak average {@code ā = θ + d} of parameters {@code params} whose ASGD updater state is {@code state}. */
  public static INDArray polyakAverage(INDArray params, Map<String, INDArray> state) {
    return params.add(state.get(AsgdUpdater.AX_OFFSET).reshape(params.shape()));
  }

  @Override
  protected List<Object> hyperparameters() {
    return List.of(lambd, alpha, t0);
  }

  public double getLambd() {
    return lambd;
  }

  public void setLambd(double lambd) {
    this.lambd = lambd;
  }

  public double getAlpha() {
    return alpha;
  }

  public void setAlpha(double alpha) {
    this.alpha = alpha;
  }

  public double getT0() {
    return t0;
  }

  public void setT0(double t0) {
    this.t0 = t0;
  }
}
