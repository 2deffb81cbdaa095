package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.validation.FieldReader;
import java.util.Set;
import java.util.UUID;

/**
 * Reads {@code /curriculum}: {@code type} (only {@value CurriculumSpec#EASY_FIRST}, the default), {@code scoredBy}
 * ({@value CurriculumSpec#LOSS}, the default, or a job id), {@code checkpoint} (of that job: {@code best}, the
 * default, falling back to its final one; {@code final}; or an id), {@code startFraction} in (0, 1] (default 0.3),
 * {@code epochsToFull} ≥ 1 (default 10). A full-batch optimizer sees the whole set every step: refused.
 */
final class CurriculumSpecReader {
  private static final String AT = "/curriculum";
  private static final Set<String> FIELDS = Set.of("type", "scoredBy", "checkpoint", "startFraction", "epochsToFull");
  private static final int MAX_ID = 100;

  private final FieldReader reader;

  CurriculumSpecReader(FieldReader reader) {
    this.reader = reader;
  }

  /** The curriculum (null when the field is absent or null). */
  CurriculumSpec read(JsonNode node, boolean fullBatch) {
    if (node == null || node.isNull()) {
      return null;
    }
    ObjectNode o = reader.object(node, AT, FIELDS);
    if (o == null) {
      return null;
    }
    String type = reader.oneOf(o, AT, "type", CurriculumSpec.EASY_FIRST, Set.of(CurriculumSpec.EASY_FIRST));
    String scoredBy = reader.text(o, AT, "scoredBy", CurriculumSpec.LOSS, MAX_ID);
    if (scoredBy != null && !CurriculumSpec.LOSS.equals(scoredBy) && !isId(scoredBy)) {
      reader.add(AT + "/scoredBy", "must be \"loss\" or a job id, got '" + scoredBy + "'");
    }
    String checkpoint = o.hasNonNull("checkpoint") ? reader.text(o, AT, "checkpoint", "", MAX_ID) : null;
    if (checkpoint != null && CurriculumSpec.LOSS.equals(scoredBy)) {
      reader.add(AT + "/checkpoint", "only a curriculum scored by another job names a checkpoint");
    }
    double start = reader.number(o, AT, "startFraction", CurriculumSpec.DEFAULT_START_FRACTION, 0, 1);
    if (o.hasNonNull("startFraction") && o.get("startFraction").isNumber()
        && o.get("startFraction").asDouble() == 0) {
      reader.add(AT + "/startFraction", "must be greater than 0 (and at most 1), got 0");
    }
    int epochsToFull = (int) reader.integer(o, AT, "epochsToFull", (long) CurriculumSpec.DEFAULT_EPOCHS_TO_FULL, 1,
        Integer.MAX_VALUE);
    if (fullBatch) {
      reader.add(AT, "a curriculum needs a minibatch optimizer (a full-batch one sees the whole set every step)");
    }
    return new CurriculumSpec(type, scoredBy,
        checkpoint == null && scoredBy != null && !CurriculumSpec.LOSS.equals(scoredBy) ? CurriculumSpec.BEST
            : checkpoint, start, epochsToFull);
  }

  private static boolean isId(String text) {
    try {
      UUID.fromString(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
