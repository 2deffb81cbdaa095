package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.validation.FieldReader;
import java.util.List;
import java.util.Set;

/**
 * Reads an online spec's {@code /stream}: {@code synthetic_sparse} with its four sizes, a shipped dataset, or
 * {@code file} with its path and format fields. A field that belongs to another kind of stream is refused.
 */
final class OnlineStreamReader {
  static final int MAX_SAMPLES = 10_000_000;
  static final int MAX_LABEL_COLUMN = 1_000_000;
  private static final String AT = "/stream";
  private static final List<String> SIZES = List.of("samples", "features", "nonzeros", "density");
  private static final List<String> FILE_FIELDS =
      List.of("path", "format", "indexBase", "labelColumn", "header", "delimiter");
  private static final List<String> CSV_FIELDS = List.of("labelColumn", "header", "delimiter");
  private static final Set<String> FIELDS = Set.of("name", "samples", "features", "nonzeros", "density", "path",
      "format", "indexBase", "labelColumn", "header", "delimiter");
  private static final Set<String> STREAMS =
      Set.of(OnlineJobSpec.SYNTHETIC_SPARSE, OnlineJobSpec.BREAST_CANCER, OnlineJobSpec.FILE);

  private final FieldReader reader;
  private final int maxFeatures;

  OnlineStreamReader(FieldReader reader, int maxFeatures) {
    this.reader = reader;
    this.maxFeatures = maxFeatures;
  }

  OnlineJobSpec.Stream read(JsonNode node) {
    ObjectNode o = node == null ? null : reader.object(node, AT, FIELDS);
    if (o == null) {
      return null;
    }
    String name = reader.oneOf(o, AT, "name", null, STREAMS);
    if (OnlineJobSpec.SYNTHETIC_SPARSE.equals(name)) {
      refuse(o, FILE_FIELDS, "only for the file stream");
      return synthetic(o, name);
    }
    if (OnlineJobSpec.FILE.equals(name)) {
      refuse(o, List.of("samples", "nonzeros", "density"), "only for " + OnlineJobSpec.SYNTHETIC_SPARSE);
      return file(o, name);
    }
    refuse(o, SIZES, "only for " + OnlineJobSpec.SYNTHETIC_SPARSE);
    refuse(o, FILE_FIELDS, "only for the file stream");
    return new OnlineJobSpec.Stream(name, null, null, null, null);
  }

  private OnlineJobSpec.Stream synthetic(ObjectNode o, String name) {
    int features = (int) reader.integer(o, AT, "features", null, 1, maxFeatures);
    return new OnlineJobSpec.Stream(name,
        (int) reader.integer(o, AT, "samples", null, 1, MAX_SAMPLES),
        features,
        (int) reader.integer(o, AT, "nonzeros", null, 0, features),
        density(o));
  }

  private OnlineJobSpec.Stream file(ObjectNode o, String name) {
    String path = reader.text(o, AT, "path", null, 1000);
    String fallback = path != null && (path.endsWith(".csv") || path.endsWith(".csv.gz"))
        ? StreamFile.CSV : StreamFile.LIBSVM;
    String format = reader.oneOf(o, AT, "format", fallback, Set.of(StreamFile.CSV, StreamFile.LIBSVM));
    if (StreamFile.CSV.equals(format)) {
      refuse(o, List.of("indexBase", "features"), "only for libsvm files (a CSV file has columns − 1 features)");
      return new OnlineJobSpec.Stream(name, null, null, null, null, csv(o, path));
    }
    refuse(o, CSV_FIELDS, "only for csv files");
    Integer features = o.hasNonNull("features")
        ? (Integer) (int) reader.integer(o, AT, "features", null, 1, maxFeatures) : null;
    int indexBase = (int) reader.integer(o, AT, "indexBase", 1L, 0, 1);
    return new OnlineJobSpec.Stream(name, null, features, null, null, StreamFile.libsvm(path, indexBase));
  }

  private StreamFile csv(ObjectNode o, String path) {
    int labelColumn = (int) reader.integer(o, AT, "labelColumn", -1L, -MAX_LABEL_COLUMN, MAX_LABEL_COLUMN);
    boolean header = reader.bool(o, AT, "header", false);
    String delimiter = reader.text(o, AT, "delimiter", ",", 1);
    if (delimiter == null || delimiter.length() != 1 || delimiter.equals("\"") || delimiter.equals("#")) {
      if (delimiter != null) {
        reader.add(AT + "/delimiter", "must be one character other than '\"' and '#'");
      }
      delimiter = ",";
    }
    return StreamFile.csv(path, labelColumn, header, delimiter.charAt(0));
  }

  private double density(ObjectNode stream) {
    double density = reader.number(stream, AT, "density", null, 0.0, 1.0);
    if (density == 0.0 && stream.path("density").isNumber()) {
      reader.add(AT + "/density", "must be > 0");
    }
    return density;
  }

  private void refuse(ObjectNode o, List<String> fields, String why) {
    fields.stream().filter(o::has).forEach(f -> reader.add(AT + "/" + f, why));
  }
}
