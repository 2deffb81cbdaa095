package dev.descent.engine.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.validation.FieldReader;
import java.util.Set;

/**
 * Reads {@code /scheduler}: only with a search; {@code type} {@code asha} ({@code pbt}: {@link PbtReader}),
 * {@code minEpochs} ≥ 1 (default 1), {@code reductionFactor} ≥ 2 (default 3), {@code maxEpochs} ≥ {@code minEpochs}
 * (required; every trial's {@code epochs} is set to it).
 */
final class SchedulerReader {
  static final String AT = "/scheduler";
  static final int MAX_EPOCHS = 100_000;
  private static final Set<String> FIELDS = Set.of("type", "minEpochs", "reductionFactor", "maxEpochs");

  private final FieldReader reader;

  SchedulerReader(FieldReader reader) {
    this.reader = reader;
  }

  /** The scheduler, or null when absent or invalid (the violations say why). */
  Scheduler read(JsonNode node, boolean searched) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!searched) {
      reader.add(AT, "a scheduler schedules a search: add search");
      return null;
    }
    int before = reader.violations().size();
    ObjectNode o = reader.object(node, AT, FIELDS);
    if (o == null) {
      return null;
    }
    JsonNode type = reader.field(o, AT, "type", true);
    if (type != null && !Scheduler.ASHA.equals(type.asText())) {
      reader.add(AT + "/type", "must be one of [asha, pbt]");
    }
    int min = (int) reader.integer(o, AT, "minEpochs", 1L, 1, MAX_EPOCHS);
    int factor = (int) reader.integer(o, AT, "reductionFactor", 3L, 2, 1000);
    int max = (int) reader.integer(o, AT, "maxEpochs", null, 1, MAX_EPOCHS);
    if (reader.violations().size() == before && max < min) {
      reader.add(AT + "/maxEpochs", "must be at least minEpochs (" + min + ")");
    }
    return reader.violations().size() > before ? null : new Scheduler(Scheduler.ASHA, min, factor, max);
  }
}
