package dev.descent.engine.optim.updater;

import java.util.Map;
import java.util.function.Function;

/**
 * The update rule ({@link StateUpdater}) of each configuration class: the configurations hold only the serialized
 * hyperparameters, and this table pairs each with the rule that runs it.
 */
final class UpdateRules {
  private static final Map<Class<?>, Function<UpdaterConfig, StateUpdater<?>>> RULES = Map.ofEntries(
      rule(AdadeltaConfig.class, AdadeltaUpdater::new),
      rule(AdagradConfig.class, AdagradUpdater::new),
      rule(AdamConfig.class, AdamUpdater::new),
      rule(AdamaxConfig.class, AdamaxUpdater::new),
      rule(AggmoConfig.class, AggmoUpdater::new),
      rule(AsgdConfig.class, AsgdUpdater::new),
      rule(DeltaBarDeltaConfig.class, DeltaBarDeltaUpdater::new),
      rule(NadamConfig.class, NadamUpdater::new),
      rule(QhadamConfig.class, QhadamUpdater::new),
      rule(RadamConfig.class, RadamUpdater::new),
      rule(RmspropConfig.class, RmspropUpdater::new),
      rule(RmspropNesterovConfig.class, RmspropNesterovUpdater::new),
      rule(RpropConfig.class, RpropUpdater::new),
      rule(SgdConfig.class, SgdUpdater::new));

  private UpdateRules() {}

  /** A new updater for {@code config}, its state not yet attached. */
  static StateUpdater<?> of(UpdaterConfig config) {
    Function<UpdaterConfig, StateUpdater<?>> rule = RULES.get(config.getClass());
    if (rule == null) {
      throw new IllegalStateException("no update rule for " + config.getClass().getName());
    }
    return rule.apply(config);
  }

  private static <C extends UpdaterConfig> Map.Entry<Class<?>, Function<UpdaterConfig, StateUpdater<?>>> rule(
      Class<C> type, Function<C, StateUpdater<?>> create) {
    return Map.entry(type, config -> create.apply(type.cast(config)));
  }
}
