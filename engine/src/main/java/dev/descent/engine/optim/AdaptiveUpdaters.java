package dev.descent.engine.optim;

import static dev.descent.engine.optim.Rules.NON_NEGATIVE;
import static dev.descent.engine.optim.Rules.NON_NEGATIVE_TEXT;
import static dev.descent.engine.optim.Rules.UNIT;
import static dev.descent.engine.optim.Rules.UNIT_OPEN;
import static dev.descent.engine.optim.Rules.UNIT_OPEN_TEXT;
import static dev.descent.engine.optim.Rules.UNIT_TEXT;

import dev.descent.engine.optim.updater.AdamConfig;
import dev.descent.engine.optim.updater.AdamaxConfig;
import dev.descent.engine.optim.updater.BetasConfig;
import dev.descent.engine.optim.updater.NadamConfig;
import dev.descent.engine.optim.updater.QhadamConfig;
import dev.descent.engine.optim.updater.RadamConfig;
import dev.descent.engine.optim.updater.RmspropConfig;
import dev.descent.engine.optim.updater.RmspropNesterovConfig;
import dev.descent.engine.validation.SpecFields;

/** Readers for the RMSProp and Adam families; names and defaults are PyTorch's (qhoptim's for QHAdam). */
final class AdaptiveUpdaters {
  /** PyTorch's AdamW default {@code weight_decay}. */
  static final double ADAMW_DEFAULT_WEIGHT_DECAY = 1e-2;

  private AdaptiveUpdaters() {}

  static BuiltUpdater rmsprop(SpecFields f) {
    double lr = Rules.lr(f, RmspropConfig.DEFAULT_LR);
    double alpha = f.number("alpha", RmspropConfig.DEFAULT_ALPHA, UNIT_OPEN, UNIT_OPEN_TEXT);
    double eps = Rules.eps(f, RmspropConfig.DEFAULT_EPS);
    double momentum = f.number("momentum", RmspropConfig.DEFAULT_MOMENTUM, UNIT_OPEN, UNIT_OPEN_TEXT);
    boolean centered = f.flag("centered", false);
    return BuiltUpdater.coupled(new RmspropConfig(lr, alpha, eps, momentum, centered), Rules.weightDecay(f, 0));
  }

  static BuiltUpdater rmspropNesterov(SpecFields f) {
    double lr = Rules.lr(f, RmspropNesterovConfig.DEFAULT_LR);
    double alpha = f.number("alpha", RmspropNesterovConfig.DEFAULT_ALPHA, UNIT_OPEN, UNIT_OPEN_TEXT);
    double momentum = f.number("momentum", RmspropNesterovConfig.DEFAULT_MOMENTUM, UNIT_OPEN, UNIT_OPEN_TEXT);
    double eps = Rules.eps(f, RmspropNesterovConfig.DEFAULT_EPS);
    return BuiltUpdater.coupled(new RmspropNesterovConfig(lr, alpha, momentum, eps), Rules.weightDecay(f, 0));
  }

  static BuiltUpdater adam(SpecFields f) {
    AdamConfig adam = readAdam(f);
    return BuiltUpdater.coupled(adam, Rules.weightDecay(f, 0));
  }

  static BuiltUpdater adamw(SpecFields f) {
    AdamConfig adam = readAdam(f);
    return new BuiltUpdater(adam, 0, Rules.weightDecay(f, ADAMW_DEFAULT_WEIGHT_DECAY));
  }

  private static AdamConfig readAdam(SpecFields f) {
    double lr = Rules.lr(f, AdamConfig.DEFAULT_LR);
    double[] betas = Rules.betas(f, BetasConfig.DEFAULT_BETA1, BetasConfig.DEFAULT_BETA2);
    double eps = Rules.eps(f, BetasConfig.DEFAULT_EPS);
    return new AdamConfig(lr, betas[0], betas[1], eps, f.flag("amsgrad", false));
  }

  static BuiltUpdater adamax(SpecFields f) {
    double lr = Rules.lr(f, AdamaxConfig.DEFAULT_LR);
    double[] betas = Rules.betas(f, BetasConfig.DEFAULT_BETA1, BetasConfig.DEFAULT_BETA2);
    double eps = Rules.eps(f, BetasConfig.DEFAULT_EPS);
    return BuiltUpdater.coupled(new AdamaxConfig(lr, betas[0], betas[1], eps), Rules.weightDecay(f, 0));
  }

  static BuiltUpdater nadam(SpecFields f) {
    double lr = Rules.lr(f, NadamConfig.DEFAULT_LR);
    double[] betas = Rules.betas(f, BetasConfig.DEFAULT_BETA1, BetasConfig.DEFAULT_BETA2);
    double eps = Rules.eps(f, BetasConfig.DEFAULT_EPS);
    double decay = f.number("momentum_decay", NadamConfig.DEFAULT_MOMENTUM_DECAY, NON_NEGATIVE, NON_NEGATIVE_TEXT);
    return BuiltUpdater.coupled(new NadamConfig(lr, betas[0], betas[1], eps, decay), Rules.weightDecay(f, 0));
  }

  static BuiltUpdater radam(SpecFields f) {
    double lr = Rules.lr(f, RadamConfig.DEFAULT_LR);
    double[] betas = Rules.betas(f, BetasConfig.DEFAULT_BETA1, BetasConfig.DEFAULT_BETA2);
    double eps = Rules.eps(f, BetasConfig.DEFAULT_EPS);
    return BuiltUpdater.coupled(new RadamConfig(lr, betas[0], betas[1], eps), Rules.weightDecay(f, 0));
  }

  static BuiltUpdater qhadam(SpecFields f) {
    double lr = Rules.lr(f, QhadamConfig.DEFAULT_LR);
    double[] betas = Rules.betas(f, QhadamConfig.DEFAULT_QH_BETA1, BetasConfig.DEFAULT_BETA2);
    double[] nus = f.numbers("nus", new double[] {QhadamConfig.DEFAULT_NU1, QhadamConfig.DEFAULT_NU2}, 2, UNIT,
        UNIT_TEXT);
    double eps = f.number("eps", BetasConfig.DEFAULT_EPS, NON_NEGATIVE, NON_NEGATIVE_TEXT);
    QhadamConfig config = new QhadamConfig(lr, betas[0], betas[1], nus[0], nus[1], eps);
    return BuiltUpdater.coupled(config, Rules.weightDecay(f, 0));
  }
}
