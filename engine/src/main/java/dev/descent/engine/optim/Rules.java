package dev.descent.engine.optim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.optim.updater.GradientNoiseConfig;
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

  /** {@code weight_decay} ({@code fallback} when absent), then the settings every optimizer takes. */
  static CommonSettings common(SpecFields f, double fallback) {
    double weightDecay = f.number("weight_decay", fallback, NON_NEGATIVE, NON_NEGATIVE_TEXT);
    return new CommonSettings(weightDecay, clipping(f), noise(f));
  }

  /** The settings every optimizer takes, for a type without {@code weight_decay}. */
  static CommonSettings commonWithoutDecay(SpecFields f) {
    return new CommonSettings(0, clipping(f), noise(f));
  }

  private static GradientClipping clipping(SpecFields f) {
    return new GradientClipping(f.number("clip_grad_norm", GradientClipping.OFF, POSITIVE, POSITIVE_TEXT),
        f.number("clip_grad_value", GradientClipping.OFF, POSITIVE, POSITIVE_TEXT));
  }

  private static CommonSettings.GradNoise noise(SpecFields f) {
    JsonNode noise = f.node("grad_noise");
    if (noise == null) {
      return null;
    }
    if (!noise.isObject()) {
      f.fail("grad_noise", "must be an object {\"eta\", \"gamma\", \"seed\"}");
      return null;
    }
    SpecFields checked = f.child("grad_noise");
    double eta = checked.required("eta", NON_NEGATIVE, NON_NEGATIVE_TEXT);
    double gamma = checked.number("gamma", GradientNoiseConfig.DEFAULT_GAMMA, NON_NEGATIVE, NON_NEGATIVE_TEXT);
    long seed = checked.integer("seed", GradientNoiseConfig.DEFAULT_SEED);
    checked.rejectUnread();
    return new CommonSettings.GradNoise(eta, gamma, seed);
  }

  static double[] betas(SpecFields f, double beta1, double beta2) {
    return f.numbers("betas", new double[] {beta1, beta2}, 2, UNIT_OPEN, UNIT_OPEN_TEXT);
  }
}
