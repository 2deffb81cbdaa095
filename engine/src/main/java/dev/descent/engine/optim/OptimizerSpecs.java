package dev.descent.engine.optim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.spec.Violation;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The one door between a job spec's {@code optimizer} / {@code schedule} JSON and DL4J: validation (every problem
 * named by its JSON pointer) and construction of the {@link IUpdater}. Type and hyperparameter names are PyTorch's.
 *
 * <p>STUB written by the integrator so that the rest of the engine compiles; the optim work replaces the body with
 * our own optimizers and schedules, keeping these two signatures.
 */
public final class OptimizerSpecs {
  private OptimizerSpecs() {}

  /**
   * Every problem with an optimizer spec (and its schedule, which may be null or JSON null), with pointers rooted at
   * {@code /optimizer} and {@code /schedule}. Empty when the spec is valid.
   */
  public static List<Violation> validate(JsonNode optimizer, JsonNode schedule) {
    List<Violation> out = new ArrayList<>();
    if (optimizer == null || !optimizer.isObject()) {
      out.add(new Violation("/optimizer", "must be an object with a \"type\""));
      return out;
    }
    String type = optimizer.path("type").asText("");
    if (!type.equals("sgd") && !type.equals("adam")) {
      out.add(new Violation("/optimizer/type", "unknown optimizer '" + type + "'"));
    }
    JsonNode lr = optimizer.get("lr");
    if (lr != null && (!lr.isNumber() || !Double.isFinite(lr.asDouble()) || lr.asDouble() < 0)) {
      out.add(new Violation("/optimizer/lr", "must be a finite number >= 0"));
    }
    return out;
  }

  /** The DL4J updater for a valid spec. {@code iterationsPerEpoch} lets epoch-based schedules convert. */
  public static IUpdater toUpdater(JsonNode optimizer, JsonNode schedule, int iterationsPerEpoch) {
    String type = optimizer.path("type").asText();
    double lr = optimizer.path("lr").asDouble(type.equals("adam") ? 1e-3 : 1e-2);
    return type.equals("adam")
        ? new org.nd4j.linalg.learning.config.Adam(lr)
        : new org.nd4j.linalg.learning.config.Sgd(lr);
  }
}
