package dev.descent.engine.optim;

import dev.descent.engine.validation.SpecFields;
import java.util.function.DoublePredicate;

/** The value rules shared by the optimizer and schedule readers, with the wording used in violations. */
final class Rules {
  static final DoublePredicate NON_NEGATIVE = v -> v >= 0;
  static final String NON_NEGATIVE_TEXT = "≥ 0";
  static final DoublePredicate POSITIVE = v -> v > 0;
  static final String POSITIVE_TEXT = "> 0";
  static final DoublePredicate UNIT_OPEN = v -> v >= 0 && v < 1;
  static final String UNIT_OPEN_TEXT = "in [0, 1)";
  static final DoublePredicate UNIT = v -> v >= 0 && v <= 1;
  static final String UNIT_TEXT = "in [0, 1]";

  private Rules() {}

  static double lr(SpecFields f, double fallback) {
    return f.number("lr", fallback, NON_NEGATIVE, NON_NEGATIVE_TEXT);
  }

  static double eps(SpecFields f, double fallback) {
    return f.number("eps", fallback, POSITIVE, POSITIVE_TEXT);
  }

  static double weightDecay(SpecFields f, double fallback) {
    return f.number("weight_decay", fallback, NON_NEGATIVE, NON_NEGATIVE_TEXT);
  }

  static double[] betas(SpecFields f, double beta1, double beta2) {
    return f.numbers("betas", new double[] {beta1, beta2}, 2, UNIT_OPEN, UNIT_OPEN_TEXT);
  }
}
