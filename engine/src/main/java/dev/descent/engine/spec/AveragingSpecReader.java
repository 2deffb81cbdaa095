package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.validation.FieldReader;
import java.util.List;
import java.util.Set;

/** Reads {@code /averaging}: a list of Polyak averages, at most {@value #MAX_AVERAGES}. */
final class AveragingSpecReader {
  static final int MAX_AVERAGES = 8;
  private static final String AT = "/averaging";
  private static final Set<String> TYPES = Set.of(AveragingSpec.ARITHMETIC, AveragingSpec.EMA);
  private static final Set<String> FIELDS = Set.of("type", "start", "decay");

  private final FieldReader reader;

  AveragingSpecReader(FieldReader reader) {
    this.reader = reader;
  }

  /** The averages (empty when the field is absent or null). */
  List<AveragingSpec> read(JsonNode node) {
    return reader.objects(node, AT, MAX_AVERAGES, "averages", FIELDS, this::average);
  }

  private AveragingSpec average(ObjectNode o, String at) {
    String type = reader.oneOf(o, at, "type", null, TYPES);
    long start = reader.integer(o, at, "start", AveragingSpec.DEFAULT_START, 0, Long.MAX_VALUE);
    boolean ema = AveragingSpec.EMA.equals(type);
    double decay = ema ? reader.number(o, at, "decay", AveragingSpec.DEFAULT_DECAY, 0, 1) : 0;
    if (!ema && o.hasNonNull("decay") && o.get("decay").asDouble() != 0) {
      reader.add(at + "/decay", "only an ema average has a decay");
    }
    return new AveragingSpec(type, start, decay);
  }
}
