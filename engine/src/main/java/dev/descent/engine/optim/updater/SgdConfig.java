package dev.descent.engine.optim.updater;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * PyTorch's {@code torch.optim.SGD} (Sutskever et al. 2013, "On the importance of initialization and momentum in deep
 * learning", in PyTorch's formulation): with momentum μ, dampening τ and step t,
 * {@code b_1 = g_1}, {@code b_t = μ b_{t-1} + (1 − τ) g_t}; the update is {@code lr · b_t}, or with Nesterov
 * {@code lr · (g_t + μ b_t)}; without momentum {@code lr · g_t}. {@code weight_decay} is applied as L2 before it.
 * An optional momentum schedule replaces the constant μ by {@code μ_t} (Sutskever et al. 2013, §2, eq. 5 schedules μ).
 */
public class SgdConfig extends UpdaterConfig {
  public static final double DEFAULT_LR = 1e-3;
  public static final double DEFAULT_MOMENTUM = 0.0;
  public static final double DEFAULT_DAMPENING = 0.0;

  private double momentum = DEFAULT_MOMENTUM;
  private double dampening = DEFAULT_DAMPENING;
  private boolean nesterov;
  private ISchedule momentumSchedule;

  public SgdConfig() {
    super(DEFAULT_LR);
  }

  public SgdConfig(double lr, double momentum, double dampening, boolean nesterov) {
    super(lr);
    this.momentum = momentum;
    this.dampening = dampening;
    this.nesterov = nesterov;
  }

  /** μ at this iteration: the schedule's value, or the constant momentum. */
  public double momentumAt(int iteration, int epoch) {
    return momentumSchedule == null ? momentum : momentumSchedule.valueAt(iteration, epoch);
  }

  /** Whether a momentum buffer is kept: a non-zero momentum or a momentum schedule. */
  public boolean usesMomentum() {
    return momentum != 0 || momentumSchedule != null;
  }

  @Override
  public SgdConfig clone() {
    SgdConfig copy = (SgdConfig) super.clone();
    copy.momentumSchedule = momentumSchedule == null ? null : momentumSchedule.clone();
    return copy;
  }

  @Override
  protected List<Object> hyperparameters() {
    return Arrays.asList(momentum, dampening, nesterov, momentumSchedule);
  }

  public double getMomentum() {
    return momentum;
  }

  public void setMomentum(double momentum) {
    this.momentum = momentum;
  }

  public double getDampening() {
    return dampening;
  }

  public void setDampening(double dampening) {
    this.dampening = dampening;
  }

  public ISchedule getMomentumSchedule() {
    return momentumSchedule;
  }

  public void setMomentumSchedule(ISchedule momentumSchedule) {
    this.momentumSchedule = momentumSchedule;
  }

  public boolean isNesterov() {
    return nesterov;
  }

  public void setNesterov(boolean nesterov) {
    this.nesterov = nesterov;
  }
}
