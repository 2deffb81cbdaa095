package dev.descent.engine.init;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** A field a weight-init spec may carry, with the check its value must pass. */
enum InitParam {
  SCALE("scale"),
  GAIN("gain"),
  MODE("mode"),
  NONLINEARITY("nonlinearity"),
  NEGATIVE_SLOPE("negativeSlope"),
  K("k"),
  TOLERANCE("tolerance"),
  MAX_ITERATIONS("maxIterations");

  private static final String POSITIVE = "must be a finite number > 0";
  private static final List<String> MODES = List.of("fan_in", "fan_out");

  private final String specName;

  InitParam(String specName) {
    this.specName = specName;
  }

  String specName() {
    return specName;
  }

  /** Why {@code value} is not admissible here, if it is not. */
  Optional<String> check(JsonNode value) {
    boolean finite = value.isNumber() && Double.isFinite(value.asDouble());
    double v = value.asDouble();
    return switch (this) {
      case SCALE, GAIN -> finite && v > 0 ? Optional.empty() : Optional.of(POSITIVE);
      case NEGATIVE_SLOPE -> finite && v >= 0 ? Optional.empty() : Optional.of("must be a finite number >= 0");
      case K, MAX_ITERATIONS -> value.canConvertToInt() && value.isIntegralNumber() && v >= 1
          ? Optional.empty()
          : Optional.of("must be an integer >= 1");
      case TOLERANCE -> finite && v > 0 && v < 1 ? Optional.empty() : Optional.of("must lie in (0, 1)");
      case MODE -> value.isTextual() && MODES.contains(value.asText())
          ? Optional.empty()
          : Optional.of("must be \"fan_in\" or \"fan_out\"");
      case NONLINEARITY -> value.isTextual() && Gains.NONLINEARITIES.contains(value.asText())
          ? Optional.empty()
          : Optional.of("must be one of " + String.join(", ", Gains.NONLINEARITIES));
    };
  }

  double number(JsonNode spec, double defaultValue) {
    JsonNode value = spec.get(specName);
    return value == null ? defaultValue : value.asDouble();
  }

  String text(JsonNode spec, String defaultValue) {
    JsonNode value = spec.get(specName);
    return value == null ? defaultValue : value.asText();
  }
}
