package dev.descent.engine.optim;

import static dev.descent.engine.optim.Rules.NON_NEGATIVE;
import static dev.descent.engine.optim.Rules.NON_NEGATIVE_TEXT;
import static dev.descent.engine.optim.Rules.UNIT;
import static dev.descent.engine.optim.Rules.UNIT_OPEN;
import static dev.descent.engine.optim.Rules.UNIT_OPEN_TEXT;
import static dev.descent.engine.optim.Rules.UNIT_TEXT;

import dev.descent.engine.optim.schedule.ScheduleSpec;
import dev.descent.engine.optim.schedule.ScheduleSpecs;
import dev.descent.engine.optim.updater.AdadeltaConfig;
import dev.descent.engine.optim.updater.AdagradConfig;
import dev.descent.engine.optim.updater.AggmoConfig;
import dev.descent.engine.optim.updater.AsgdConfig;
import dev.descent.engine.optim.updater.DeltaBarDeltaConfig;
import dev.descent.engine.optim.updater.RpropConfig;
import dev.descent.engine.optim.updater.SgdConfig;
import dev.descent.engine.validation.SpecFields;
import java.util.Arrays;

/** Readers of the SGD-family and per-coordinate-rate optimizers into their records; PyTorch's names and defaults. */
final class MomentumReaders {
  private MomentumReaders() {}

  static UpdaterSpec sgd(SpecFields f) {
    double lr = Rules.lr(f, SgdConfig.DEFAULT_LR);
    double momentum = f.number("momentum", SgdConfig.DEFAULT_MOMENTUM, UNIT_OPEN, UNIT_OPEN_TEXT);
    double dampening = f.number("dampening", SgdConfig.DEFAULT_DAMPENING, UNIT, UNIT_TEXT);
    boolean nesterov = f.flag("nesterov", false);
    if (nesterov && (momentum == 0 || dampening != 0)) {
      f.fail("nesterov", "needs momentum > 0 and dampening 0");
    }
    ScheduleSpec schedule = ScheduleSpecs.readValueSchedule(f, "momentum_schedule", momentum);
    return new UpdaterSpec.Sgd(lr, momentum, dampening, nesterov, schedule, Rules.common(f, 0));
  }

  static UpdaterSpec asgd(SpecFields f) {
    double lr = Rules.lr(f, AsgdConfig.DEFAULT_LR);
    double lambd = f.number("lambd", AsgdConfig.DEFAULT_LAMBD, NON_NEGATIVE, NON_NEGATIVE_TEXT);
    double alpha = f.number("alpha", AsgdConfig.DEFAULT_ALPHA, NON_NEGATIVE, NON_NEGATIVE_TEXT);
    double t0 = f.number("t0", AsgdConfig.DEFAULT_T0, NON_NEGATIVE, NON_NEGATIVE_TEXT);
    return new UpdaterSpec.Asgd(lr, lambd, alpha, t0, Rules.common(f, 0));
  }

  static UpdaterSpec aggmo(SpecFields f) {
    double lr = Rules.lr(f, AggmoConfig.DEFAULT_LR);
    double[] betas = f.numbers("betas", AggmoConfig.defaultBetas(), 0, UNIT_OPEN, UNIT_OPEN_TEXT);
    return new UpdaterSpec.Aggmo(lr, Arrays.stream(betas).boxed().toList(), Rules.common(f, 0));
  }

  static UpdaterSpec adagrad(SpecFields f) {
    double lr = Rules.lr(f, AdagradConfig.DEFAULT_LR);
    double lrDecay = f.number("lr_decay", AdagradConfig.DEFAULT_LR_DECAY, NON_NEGATIVE, NON_NEGATIVE_TEXT);
    double initial = f.number("initial_accumulator_value", AdagradConfig.DEFAULT_INITIAL_ACCUMULATOR_VALUE,
        NON_NEGATIVE, NON_NEGATIVE_TEXT);
    double eps = Rules.eps(f, AdagradConfig.DEFAULT_EPS);
    return new UpdaterSpec.Adagrad(lr, lrDecay, initial, eps, Rules.common(f, 0));
  }

  static UpdaterSpec adadelta(SpecFields f) {
    double lr = Rules.lr(f, AdadeltaConfig.DEFAULT_LR);
    double rho = f.number("rho", AdadeltaConfig.DEFAULT_RHO, UNIT_OPEN, UNIT_OPEN_TEXT);
    double eps = Rules.eps(f, AdadeltaConfig.DEFAULT_EPS);
    return new UpdaterSpec.Adadelta(lr, rho, eps, Rules.common(f, 0));
  }

  static UpdaterSpec rprop(SpecFields f) {
    double lr = Rules.lr(f, RpropConfig.DEFAULT_LR);
    double[] etas = f.numbers("etas", new double[] {RpropConfig.DEFAULT_ETA_MINUS, RpropConfig.DEFAULT_ETA_PLUS}, 2,
        Rules.POSITIVE, Rules.POSITIVE_TEXT);
    if (!(etas[0] < 1 && 1 < etas[1])) {
      f.fail("etas", "must be [etaminus, etaplus] with 0 < etaminus < 1 < etaplus");
    }
    double[] steps = f.numbers("step_sizes", new double[] {RpropConfig.DEFAULT_STEP_MIN, RpropConfig.DEFAULT_STEP_MAX},
        2, NON_NEGATIVE, NON_NEGATIVE_TEXT);
    if (steps[0] > steps[1]) {
      f.fail("step_sizes", "must be [min, max] with min ≤ max");
    }
    return new UpdaterSpec.Rprop(lr, etas[0], etas[1], steps[0], steps[1], Rules.commonWithoutDecay(f));
  }

  static UpdaterSpec deltaBarDelta(SpecFields f) {
    double lr = Rules.lr(f, DeltaBarDeltaConfig.DEFAULT_LR);
    double kappa = f.number("kappa", DeltaBarDeltaConfig.DEFAULT_KAPPA, NON_NEGATIVE, NON_NEGATIVE_TEXT);
    double phi = f.number("phi", DeltaBarDeltaConfig.DEFAULT_PHI, UNIT_OPEN, UNIT_OPEN_TEXT);
    double theta = f.number("theta", DeltaBarDeltaConfig.DEFAULT_THETA, UNIT_OPEN, UNIT_OPEN_TEXT);
    return new UpdaterSpec.DeltaBarDelta(lr, kappa, phi, theta, Rules.common(f, 0));
  }
}
