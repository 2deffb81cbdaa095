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

/** Readers of the RMSProp and Adam families into their records; PyTorch's names and defaults (qhoptim's for QHAdam). */
final class AdaptiveReaders {
  /** PyTorch's AdamW default {@code weight_decay}. */
  static final double ADAMW_DEFAULT_WEIGHT_DECAY = 1e-2;

  private AdaptiveReaders() {}

  static UpdaterSpec rmsprop(SpecFields f) {
    double lr = Rules.lr(f, RmspropConfig.DEFAULT_LR);
    double alpha = f.number("alpha", RmspropConfig.DEFAULT_ALPHA, UNIT_OPEN, UNIT_OPEN_TEXT);
    double eps = Rules.eps(f, RmspropConfig.DEFAULT_EPS);
    double momentum = f.number("momentum", RmspropConfig.DEFAULT_MOMENTUM, UNIT_OPEN, UNIT_OPEN_TEXT);
    boolean centered = f.flag("centered", false);
    return new UpdaterSpec.Rmsprop(false, lr, alpha, eps, momentum, centered, Rules.common(f, 0));
  }

  static UpdaterSpec rmspropNesterov(SpecFields f) {
    double lr = Rules.lr(f, RmspropNesterovConfig.DEFAULT_LR);
    double alpha = f.number("alpha", RmspropNesterovConfig.DEFAULT_ALPHA, UNIT_OPEN, UNIT_OPEN_TEXT);
    double momentum = f.number("momentum", RmspropNesterovConfig.DEFAULT_MOMENTUM, UNIT_OPEN, UNIT_OPEN_TEXT);
    double eps = Rules.eps(f, RmspropNesterovConfig.DEFAULT_EPS);
    return new UpdaterSpec.Rmsprop(true, lr, alpha, eps, momentum, false, Rules.common(f, 0));
  }

  static UpdaterSpec adam(SpecFields f) {
    return readAdam(f, "adam", 0);
  }

  static UpdaterSpec adamw(SpecFields f) {
    return readAdam(f, "adamw", ADAMW_DEFAULT_WEIGHT_DECAY);
  }

  private static UpdaterSpec readAdam(SpecFields f, String type, double weightDecay) {
    double lr = Rules.lr(f, AdamConfig.DEFAULT_LR);
    double[] betas = Rules.betas(f, BetasConfig.DEFAULT_BETA1, BetasConfig.DEFAULT_BETA2);
    double eps = Rules.eps(f, BetasConfig.DEFAULT_EPS);
    boolean amsgrad = f.flag("amsgrad", false);
    return new UpdaterSpec.AdamFamily(type, lr, betas[0], betas[1], eps, amsgrad, NadamConfig.DEFAULT_MOMENTUM_DECAY,
        Rules.common(f, weightDecay));
  }

  static UpdaterSpec adamax(SpecFields f) {
    return withoutOptions(f, "adamax", AdamaxConfig.DEFAULT_LR);
  }

  static UpdaterSpec nadam(SpecFields f) {
    double lr = Rules.lr(f, NadamConfig.DEFAULT_LR);
    double[] betas = Rules.betas(f, BetasConfig.DEFAULT_BETA1, BetasConfig.DEFAULT_BETA2);
    double eps = Rules.eps(f, BetasConfig.DEFAULT_EPS);
    double decay = f.number("momentum_decay", NadamConfig.DEFAULT_MOMENTUM_DECAY, NON_NEGATIVE, NON_NEGATIVE_TEXT);
    return new UpdaterSpec.AdamFamily("nadam", lr, betas[0], betas[1], eps, false, decay, Rules.common(f, 0));
  }

  static UpdaterSpec radam(SpecFields f) {
    return withoutOptions(f, "radam", RadamConfig.DEFAULT_LR);
  }

  /** An Adam-family member with no settings of its own (adamax, radam): lr, betas, eps and the common ones. */
  private static UpdaterSpec withoutOptions(SpecFields f, String type, double defaultLr) {
    double lr = Rules.lr(f, defaultLr);
    double[] betas = Rules.betas(f, BetasConfig.DEFAULT_BETA1, BetasConfig.DEFAULT_BETA2);
    double eps = Rules.eps(f, BetasConfig.DEFAULT_EPS);
    return new UpdaterSpec.AdamFamily(type, lr, betas[0], betas[1], eps, false,
        NadamConfig.DEFAULT_MOMENTUM_DECAY, Rules.common(f, 0));
  }

  static UpdaterSpec qhadam(SpecFields f) {
    double lr = Rules.lr(f, QhadamConfig.DEFAULT_LR);
    double[] betas = Rules.betas(f, QhadamConfig.DEFAULT_QH_BETA1, BetasConfig.DEFAULT_BETA2);
    double[] nus = f.numbers("nus", new double[] {QhadamConfig.DEFAULT_NU1, QhadamConfig.DEFAULT_NU2}, 2, UNIT,
        UNIT_TEXT);
    double eps = f.number("eps", BetasConfig.DEFAULT_EPS, NON_NEGATIVE, NON_NEGATIVE_TEXT);
    return new UpdaterSpec.Qhadam(lr, betas[0], betas[1], nus[0], nus[1], eps, Rules.common(f, 0));
  }
}
