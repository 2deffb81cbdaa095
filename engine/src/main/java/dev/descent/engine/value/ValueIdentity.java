package dev.descent.engine.value;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Equality, hash and text of a configuration object by its settings: two objects are equal when they are of the same
 * class and list the same settings in the same order. DL4J compares layer, updater, schedule and weight-init
 * configurations this way (equal updater configurations are merged into one updater block).
 */
public final class ValueIdentity {
  private ValueIdentity() {}

  /** Whether {@code other} is of {@code self}'s class with equal {@code settings}. */
  @SuppressWarnings("unchecked")
  public static <T> boolean equal(T self, Object other, Function<T, List<Object>> settings) {
    return other != null && other.getClass() == self.getClass()
        && settings.apply(self).equals(settings.apply((T) other));
  }

  public static int hash(Object self, List<Object> settings) {
    return Objects.hash(self.getClass(), settings);
  }

  /** The simple class name followed by the settings, e.g. {@code KaimingInit[NORMAL, FAN_IN, relu, 0.0, 1.0]}. */
  public static String text(Object self, List<Object> settings) {
    return self.getClass().getSimpleName() + settings;
  }
}
