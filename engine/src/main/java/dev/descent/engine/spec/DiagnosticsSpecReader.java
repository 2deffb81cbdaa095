package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.validation.FieldReader;
import java.util.Set;

/** Reads {@code /diagnostics}; minibatch optimizers only (full-batch ones take no per-update listeners). */
final class DiagnosticsSpecReader {
  private static final String AT = "/diagnostics";
  private static final Set<String> FIELDS = Set.of("everyIterations", "curvatureEvery");

  private final FieldReader reader;

  DiagnosticsSpecReader(FieldReader reader) {
    this.reader = reader;
  }

  /** The diagnostics (null when the field is absent or null). */
  DiagnosticsSpec read(JsonNode node, boolean fullBatch) {
    if (node == null || node.isNull()) {
      return null;
    }
    ObjectNode o = reader.object(node, AT, FIELDS);
    if (o == null) {
      return null;
    }
    if (fullBatch) {
      reader.add(AT, "diagnostics are reported by minibatch optimizers only");
    }
    return new DiagnosticsSpec(
        (int) reader.integer(o, AT, "everyIterations", (long) DiagnosticsSpec.DEFAULT_EVERY_ITERATIONS, 0,
            Integer.MAX_VALUE),
        (int) reader.integer(o, AT, "curvatureEvery", (long) DiagnosticsSpec.DEFAULT_CURVATURE_EVERY, 0,
            Integer.MAX_VALUE));
  }
}
