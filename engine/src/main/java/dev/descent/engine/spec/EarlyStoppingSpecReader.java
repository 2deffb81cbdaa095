package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.validation.FieldReader;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code /earlyStopping}; the metric must be one the job reports per epoch: {@code train_loss},
 * {@code train_accuracy}, and with a validation split {@code val_loss}, {@code val_accuracy}, {@code val_mse}, and
 * with averaging (minibatch optimizers only) their {@code @polyak-…} forms.
 */
final class EarlyStoppingSpecReader {
  private static final String AT = "/earlyStopping";
  private static final Set<String> FIELDS = Set.of("metric", "mode", "patience", "minDelta", "restoreBest");
  private static final Set<String> MODES = Set.of(EarlyStoppingSpec.MIN, EarlyStoppingSpec.MAX);
  private static final Set<String> TRAIN_METRICS = Set.of("train_loss", "train_accuracy");
  private static final Set<String> VALIDATION_METRICS = Set.of("val_loss", "val_accuracy", "val_mse");

  private final FieldReader reader;

  EarlyStoppingSpecReader(FieldReader reader) {
    this.reader = reader;
  }

  /** The early stopping (null when the field is absent or null). */
  EarlyStoppingSpec read(JsonNode node, DatasetSpec dataset, List<AveragingSpec> averaging, boolean fullBatch) {
    if (node == null || node.isNull()) {
      return null;
    }
    ObjectNode o = reader.object(node, AT, FIELDS);
    if (o == null) {
      return null;
    }
    EarlyStoppingSpec spec = new EarlyStoppingSpec(
        reader.text(o, AT, "metric", EarlyStoppingSpec.DEFAULT_METRIC, SpecParser.MAX_NAME_LENGTH),
        reader.oneOf(o, AT, "mode", EarlyStoppingSpec.MIN, MODES),
        (int) reader.integer(o, AT, "patience", (long) EarlyStoppingSpec.DEFAULT_PATIENCE, 1, Integer.MAX_VALUE),
        reader.number(o, AT, "minDelta", 0.0, 0, Double.MAX_VALUE),
        reader.bool(o, AT, "restoreBest", false));
    if (spec.metric() != null && !produced(spec.metric(), dataset, fullBatch ? List.of() : averaging)) {
      reader.add(AT + "/metric", "the job does not report " + spec.metric() + " per epoch");
    }
    return spec;
  }

  private static boolean produced(String metric, DatasetSpec dataset, List<AveragingSpec> averaging) {
    int at = metric.indexOf('@');
    String base = at < 0 ? metric : metric.substring(0, at);
    boolean validation = dataset == null || dataset.validationSplit() > 0;
    if (at >= 0) {
      return !averaging.isEmpty() && metric.startsWith("@polyak-", at) && validation
          && VALIDATION_METRICS.contains(base);
    }
    return TRAIN_METRICS.contains(base) || validation && VALIDATION_METRICS.contains(base);
  }
}
