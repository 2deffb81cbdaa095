package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;

/** Reads {@code /dataset}: the dataset's name, split, standardization and a generator's settings. */
final class DatasetSpecReader {
  static final int MAX_SAMPLES = 1_000_000;
  static final int MAX_FEATURES = 100_000;
  static final int MAX_CLASSES = 1_000;
  private static final String AT = "/dataset";
  private static final Set<String> FIELDS =
      Set.of("name", "validationSplit", "standardize", "samples", "features", "classes", "noise");
  private static final Set<String> SYNTHETIC_FIELDS = Set.of("samples", "features", "classes", "noise");

  private final FieldReader reader;

  DatasetSpecReader(FieldReader reader) {
    this.reader = reader;
  }

  /** The dataset spec, or empty when its name is missing or unknown (the violation is recorded). */
  Optional<DatasetSpec> read(JsonNode node) {
    ObjectNode o = reader.object(node, AT, FIELDS);
    if (o == null) {
      return Optional.empty();
    }
    String name = reader.text(o, AT, "name", null, Integer.MAX_VALUE);
    double split =
        reader.number(o, AT, "validationSplit", DatasetSpec.DEFAULT_VALIDATION_SPLIT, 0,
            DatasetSpec.MAX_VALIDATION_SPLIT);
    boolean standardize = reader.bool(o, AT, "standardize", DatasetSpec.DEFAULT_STANDARDIZE);
    Optional<DatasetKind> kind = DatasetKind.byName(name);
    if (name != null && kind.isEmpty()) {
      reader.add(AT + "/name", "unknown dataset '" + name + "'");
    }
    return kind.map(k -> k.synthetic()
        .map(s -> synthetic(o, name, split, standardize, s))
        .orElseGet(() -> builtIn(o, name, split, standardize)));
  }

  private DatasetSpec builtIn(ObjectNode o, String name, double split, boolean standardize) {
    for (String field : SYNTHETIC_FIELDS) {
      if (o.hasNonNull(field)) {
        reader.add(AT + "/" + field, "only synthetic datasets take '" + field + "'");
      }
    }
    return new DatasetSpec(name, split, standardize, null, null, null, null);
  }

  private DatasetSpec synthetic(
      ObjectNode o, String name, double split, boolean standardize, DatasetKind.Synthetic defaults) {
    int samples = (int) reader.integer(o, AT, "samples", (long) defaults.samples(), 2, MAX_SAMPLES);
    int features = adjustable(o, "features", defaults.features(), defaults.featuresAdjustable(), 1, MAX_FEATURES);
    Integer classes = null;
    if (defaults.classes() > 0) {
      classes = adjustable(o, "classes", defaults.classes(), defaults.classesAdjustable(), 2, MAX_CLASSES);
    } else if (o.hasNonNull("classes")) {
      reader.add(AT + "/classes", "'" + name + "' is a regression dataset and takes no 'classes'");
    }
    double noise = reader.number(o, AT, "noise", defaults.noise(), 0, Double.MAX_VALUE);
    return new DatasetSpec(name, split, standardize, samples, features, classes, noise);
  }

  /** A generator setting in [min, max], or fixed at its default when the generator does not take it. */
  private int adjustable(ObjectNode o, String field, int fallback, boolean adjustable, int min, int max) {
    return (int) reader.integer(o, AT, field, (long) fallback, adjustable ? min : fallback,
        adjustable ? max : fallback);
  }
}
