package dev.descent.engine.optim;

import org.nd4j.linalg.learning.config.IUpdater;

/**
 * An updater configuration read from a spec, with the decays that need the parameters and so run outside it:
 * {@code l2} is added to the gradient before the updater ({@code g + l2·θ}, PyTorch's {@code weight_decay}),
 * {@code decoupled} is AdamW's {@code θ ← θ(1 − lr·decoupled)} applied with the update.
 */
record BuiltUpdater(IUpdater updater, double l2, double decoupled) {
  static BuiltUpdater coupled(IUpdater updater, double l2) {
    return new BuiltUpdater(updater, l2, 0.0);
  }
}
