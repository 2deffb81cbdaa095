package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.data.files.FashionMnistFolder;
import dev.descent.engine.validation.FieldReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code /dataset}: the dataset's name, split, standardization, whitening, a generator's settings,
 * Fashion-MNIST's subsets, and an IDX folder's fields ({@link IdxDatasetReader}). Whitening ({@link Whitening}) takes
 * at most {@value #MAX_WHITEN_FEATURES} features (the covariance is {@code d × d}); {@code pca} is refused for image
 * datasets, whose convolutions would read its components as pixels ({@code zca} keeps them images).
 */
final class DatasetSpecReader {
  static final int MAX_SAMPLES = 1_000_000;
  static final int MAX_FEATURES = 100_000;
  static final int MAX_CLASSES = 1_000;
  static final int MAX_WHITEN_FEATURES = 1_024;
  private static final String AT = "/dataset";
  private static final Set<String> FIELDS =
      Set.of("name", "validationSplit", "standardize", "samples", "features", "classes", "noise", "trainSubset",
          "testSubset", "folder", "whiten", "whitenEpsilon");
  private static final Set<String> SUBSET_FIELDS = Set.of("trainSubset", "testSubset");
  private static final Set<String> SYNTHETIC_FIELDS = Set.of("samples", "features", "classes", "noise");
  private static final Set<String> GENERATOR_FIELDS = Set.of("samples", "features", "noise");

  private final FieldReader reader;
  private final DataFolder data;

  DatasetSpecReader(FieldReader reader, DataFolder data) {
    this.reader = reader;
    this.data = data;
  }

  /** The dataset spec, or empty when its name is missing or unknown (the violation is recorded). */
  Optional<DatasetSpec> read(JsonNode node) {
    ObjectNode o = reader.object(node, AT, FIELDS);
    if (o == null) {
      return Optional.empty();
    }
    return unwhitened(o).map(spec -> whitened(o, spec));
  }

  /** {@code spec} with {@code whiten} and {@code whitenEpsilon} read and checked against its shape. */
  private DatasetSpec whitened(ObjectNode o, DatasetSpec spec) {
    if (!o.hasNonNull("whiten")) {
      rejectFields(o, Set.of("whitenEpsilon"), "only a whitened dataset ('whiten') takes '");
      return spec;
    }
    Optional<Whitening> whitening = Whitening.byName(reader.oneOf(o, AT, "whiten", null, Set.of("pca", "zca")));
    double epsilon = reader.number(o, AT, "whitenEpsilon", Whitening.DEFAULT_EPSILON, -Double.MAX_VALUE,
        Double.MAX_VALUE);
    if (epsilon <= 0) {
      reader.add(AT + "/whitenEpsilon", "must be greater than 0, got " + epsilon);
    }
    if (spec.inputCount() > MAX_WHITEN_FEATURES) {
      reader.add(AT + "/whiten", "whitening takes at most " + MAX_WHITEN_FEATURES + " features; '" + spec.name()
          + "' has " + spec.inputCount());
    }
    if (whitening.filter(w -> w == Whitening.PCA).isPresent() && spec.imageShape().isPresent()) {
      reader.add(AT + "/whiten", "'" + spec.name() + "' is an image dataset: pca components are not pixels; "
          + "use zca, which keeps the images");
    }
    return whitening.map(w -> spec.withWhitening(w, epsilon)).orElse(spec);
  }

  private Optional<DatasetSpec> unwhitened(ObjectNode o) {
    String name = reader.text(o, AT, "name", null, Integer.MAX_VALUE);
    double split =
        reader.number(o, AT, "validationSplit", DatasetSpec.DEFAULT_VALIDATION_SPLIT, 0,
            DatasetSpec.MAX_VALIDATION_SPLIT);
    boolean standardize = reader.bool(o, AT, "standardize", DatasetSpec.DEFAULT_STANDARDIZE);
    Optional<DatasetKind> kind = DatasetKind.byName(name);
    if (name != null && kind.isEmpty()) {
      reader.add(AT + "/name", "unknown dataset '" + name + "'");
    }
    if (kind.filter(k -> k == DatasetKind.IDX).isPresent()) {
      rejectFields(o, GENERATOR_FIELDS, "only synthetic datasets take '");
      return new IdxDatasetReader(reader, data).read(o, split, standardize);
    }
    rejectFields(o, Set.of("folder"), "only idx takes '");
    if (kind.filter(k -> k == DatasetKind.FASHION_MNIST).isPresent()) {
      return Optional.of(fashionMnist(o, split, standardize));
    }
    rejectFields(o, SUBSET_FIELDS, "only fashion_mnist and idx take '");
    return kind.map(k -> k.synthetic()
        .map(s -> synthetic(o, name, split, standardize, s))
        .orElseGet(() -> builtIn(o, name, split, standardize)));
  }

  private DatasetSpec builtIn(ObjectNode o, String name, double split, boolean standardize) {
    rejectFields(o, SYNTHETIC_FIELDS, "only synthetic datasets take '");
    return new DatasetSpec(name, split, standardize, null, null, null, null);
  }

  /** Fashion-MNIST: subsets of its training and test sets; its folder must hold the four IDX files. */
  private DatasetSpec fashionMnist(ObjectNode o, double split, boolean standardize) {
    rejectFields(o, SYNTHETIC_FIELDS, "only synthetic datasets take '");
    Path folder = FashionMnistFolder.location(data);
    if (!FashionMnistFolder.isComplete(folder)) {
      reader.add(AT + "/name", "fashion_mnist is not installed: " + folder + " lacks the IDX "
          + "files (set " + FashionMnistFolder.PROPERTY + " or " + FashionMnistFolder.ENV + ")");
    }
    int train = (int) reader.integer(o, AT, "trainSubset", (long) FashionMnistFolder.TRAIN_SIZE, 1,
        FashionMnistFolder.TRAIN_SIZE);
    int test = (int) reader.integer(o, AT, "testSubset", (long) FashionMnistFolder.TEST_SIZE, 1,
        FashionMnistFolder.TEST_SIZE);
    return new DatasetSpec(DatasetKind.FASHION_MNIST.specName(), split, standardize, null, null, null, null, train,
        test, null, null, folder);
  }

  private void rejectFields(ObjectNode o, Set<String> fields, String message) {
    for (String field : fields) {
      if (o.hasNonNull(field)) {
        reader.add(AT + "/" + field, message + field + "'");
      }
    }
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
