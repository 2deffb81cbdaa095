package dev.descent.engine.optim;

import dev.descent.engine.optim.schedule.ScheduleSpec;
import dev.descent.engine.optim.updater.AdadeltaConfig;
import dev.descent.engine.optim.updater.AdagradConfig;
import dev.descent.engine.optim.updater.AdamConfig;
import dev.descent.engine.optim.updater.AdamaxConfig;
import dev.descent.engine.optim.updater.AggmoConfig;
import dev.descent.engine.optim.updater.AsgdConfig;
import dev.descent.engine.optim.updater.DeltaBarDeltaConfig;
import dev.descent.engine.optim.updater.NadamConfig;
import dev.descent.engine.optim.updater.QhadamConfig;
import dev.descent.engine.optim.updater.RadamConfig;
import dev.descent.engine.optim.updater.RmspropConfig;
import dev.descent.engine.optim.updater.RmspropNesterovConfig;
import dev.descent.engine.optim.updater.RpropConfig;
import dev.descent.engine.optim.updater.SgdConfig;
import java.util.List;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A per-minibatch optimizer as read from a spec: one record per family of optimizers that share their parameters
 * (PyTorch's names and defaults, filled in), each with its {@link CommonSettings}. {@link #config()} is the bare DL4J
 * updater; {@link OptimizerSpecs#plan} adds the schedule, the noise, the weight decay and the clipping.
 */
public sealed interface UpdaterSpec extends OptimizerSpec {
  double lr();

  CommonSettings common();

  /** The DL4J updater configuration, fresh, without schedule or gradient noise. */
  IUpdater config();

  /** The decay added to the gradient before the updater ({@code g + l2·θ}, PyTorch's {@code weight_decay}). */
  default double l2() {
    return common().weightDecay();
  }

  /** AdamW's decoupled decay {@code θ ← θ(1 − lr·decoupled)}, applied with the update. */
  default double decoupled() {
    return 0;
  }

  /** SGD, with momentum, dampening, Nesterov and an optional {@code momentum_schedule}. */
  record Sgd(double lr, double momentum, double dampening, boolean nesterov, ScheduleSpec momentumSchedule,
      CommonSettings common) implements UpdaterSpec {
    public String type() {
      return "sgd";
    }

    public IUpdater config() {
      return new SgdConfig(lr, momentum, dampening, nesterov);
    }
  }

  /** Averaged SGD; {@code lambd} also acts as an L2 decay. */
  record Asgd(double lr, double lambd, double alpha, double t0, CommonSettings common) implements UpdaterSpec {
    public String type() {
      return "asgd";
    }

    public IUpdater config() {
      return new AsgdConfig(lr, lambd, alpha, t0);
    }

    @Override
    public double l2() {
      return common.weightDecay() + lambd;
    }
  }

  /** Aggregated momentum over several {@code betas}. */
  record Aggmo(double lr, List<Double> betas, CommonSettings common) implements UpdaterSpec {
    public Aggmo {
      betas = List.copyOf(betas);
    }

    public String type() {
      return "aggmo";
    }

    public IUpdater config() {
      return new AggmoConfig(lr, betas.stream().mapToDouble(Double::doubleValue).toArray());
    }
  }

  record Adagrad(double lr, double lrDecay, double initialAccumulatorValue, double eps, CommonSettings common)
      implements UpdaterSpec {
    public String type() {
      return "adagrad";
    }

    public IUpdater config() {
      return new AdagradConfig(lr, lrDecay, initialAccumulatorValue, eps);
    }
  }

  record Adadelta(double lr, double rho, double eps, CommonSettings common) implements UpdaterSpec {
    public String type() {
      return "adadelta";
    }

    public IUpdater config() {
      return new AdadeltaConfig(lr, rho, eps);
    }
  }

  /** Rprop; takes no weight decay. */
  record Rprop(double lr, double etaMinus, double etaPlus, double stepMin, double stepMax, CommonSettings common)
      implements UpdaterSpec {
    public String type() {
      return "rprop";
    }

    public IUpdater config() {
      return new RpropConfig(lr, etaMinus, etaPlus, stepMin, stepMax);
    }
  }

  record DeltaBarDelta(double lr, double kappa, double phi, double theta, CommonSettings common)
      implements UpdaterSpec {
    public String type() {
      return "deltabardelta";
    }

    public IUpdater config() {
      return new DeltaBarDeltaConfig(lr, kappa, phi, theta);
    }
  }

  /** {@code rmsprop} ({@code centered} allowed) and {@code rmsprop_nesterov} ({@code centered} always false). */
  record Rmsprop(boolean nesterov, double lr, double alpha, double eps, double momentum, boolean centered,
      CommonSettings common) implements UpdaterSpec {
    public String type() {
      return nesterov ? "rmsprop_nesterov" : "rmsprop";
    }

    public IUpdater config() {
      return nesterov ? new RmspropNesterovConfig(lr, alpha, momentum, eps)
          : new RmspropConfig(lr, alpha, eps, momentum, centered);
    }
  }

  /**
   * {@code adam}, {@code adamw} (its {@code weight_decay} decoupled), {@code adamax}, {@code nadam} (with
   * {@code momentumDecay}) and {@code radam}; {@code amsgrad} is Adam's and AdamW's.
   */
  record AdamFamily(String type, double lr, double beta1, double beta2, double eps, boolean amsgrad,
      double momentumDecay, CommonSettings common) implements UpdaterSpec {
    public IUpdater config() {
      return switch (type) {
        case "adamax" -> new AdamaxConfig(lr, beta1, beta2, eps);
        case "nadam" -> new NadamConfig(lr, beta1, beta2, eps, momentumDecay);
        case "radam" -> new RadamConfig(lr, beta1, beta2, eps);
        default -> new AdamConfig(lr, beta1, beta2, eps, amsgrad);
      };
    }

    @Override
    public double l2() {
      return type.equals("adamw") ? 0 : common.weightDecay();
    }

    @Override
    public double decoupled() {
      return type.equals("adamw") ? common.weightDecay() : 0;
    }
  }

  /** Quasi-hyperbolic Adam (qhoptim's names and defaults). */
  record Qhadam(double lr, double beta1, double beta2, double nu1, double nu2, double eps, CommonSettings common)
      implements UpdaterSpec {
    public String type() {
      return "qhadam";
    }

    public IUpdater config() {
      return new QhadamConfig(lr, beta1, beta2, nu1, nu2, eps);
    }
  }
}
