package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.data.files.IdxFolder;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which data to train on and how to split it. {@code samples}, {@code features}, {@code classes} and {@code noise}
 * are set (defaults filled) for synthetic generators and null for built-in sets; {@code classes} is null for
 * regression. {@code trainSubset} and {@code testSubset} are set for {@code fashion_mnist} and {@code idx}: how many
 * of its training and test images (a seeded random subset) to use. {@code folder} is set for {@code idx} only: the IDX
 * folder relative to the {@link DataFolder}; {@code idx} is what the parser found there (headers and labels), and
 * {@code fashionMnistFolder} where it found Fashion-MNIST's files: neither is part of the JSON form, the parser finds
 * them again in the data folder it is given. {@code whiten} is null unless the inputs are whitened (after
 * standardization, when that is on); {@code whitenEpsilon} is then its ε (null otherwise).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetSpec(
    String name,
    double validationSplit,
    boolean standardize,
    Integer samples,
    Integer features,
    Integer classes,
    Double noise,
    Integer trainSubset,
    Integer testSubset,
    String folder,
    Whitening whiten,
    Double whitenEpsilon,
    @JsonIgnore IdxFolder idx,
    @JsonIgnore Path fashionMnistFolder) {
  public static final double DEFAULT_VALIDATION_SPLIT = 0.2;
  public static final double MAX_VALIDATION_SPLIT = 0.9;
  public static final boolean DEFAULT_STANDARDIZE = true;

  /** A dataset without whitening. */
  public DatasetSpec(String name, double validationSplit, boolean standardize, Integer samples, Integer features,
      Integer classes, Double noise, Integer trainSubset, Integer testSubset, String folder, IdxFolder idx,
      Path fashionMnistFolder) {
    this(name, validationSplit, standardize, samples, features, classes, noise, trainSubset, testSubset, folder, null,
        null, idx, fashionMnistFolder);
  }

  /** A dataset whose files (if any) are an IDX folder. */
  public DatasetSpec(String name, double validationSplit, boolean standardize, Integer samples, Integer features,
      Integer classes, Double noise, Integer trainSubset, Integer testSubset, String folder, IdxFolder idx) {
    this(name, validationSplit, standardize, samples, features, classes, noise, trainSubset, testSubset, folder, idx,
        null);
  }

  /** A dataset without an IDX folder. */
  public DatasetSpec(String name, double validationSplit, boolean standardize, Integer samples, Integer features,
      Integer classes, Double noise, Integer trainSubset, Integer testSubset) {
    this(name, validationSplit, standardize, samples, features, classes, noise, trainSubset, testSubset, null, null,
        null);
  }

  /** A dataset without subsets. */
  public DatasetSpec(String name, double validationSplit, boolean standardize, Integer samples, Integer features,
      Integer classes, Double noise) {
    this(name, validationSplit, standardize, samples, features, classes, noise, null, null);
  }

  /** This dataset whitened with {@code whitening} and {@code epsilon} (null, null: not whitened). */
  public DatasetSpec withWhitening(Whitening whitening, Double epsilon) {
    return new DatasetSpec(name, validationSplit, standardize, samples, features, classes, noise, trainSubset,
        testSubset, folder, whitening, epsilon, idx, fashionMnistFolder);
  }

  /** The kind {@code name} stands for; the parser guarantees it exists. */
  @JsonIgnore
  public DatasetKind kind() {
    return DatasetKind.byName(name).orElseThrow();
  }

  /** Features per sample. */
  @JsonIgnore
  public int inputCount() {
    if (features != null) {
      return features;
    }
    return idx != null ? (int) idx.imageSize().values() : kind().defaultFeatures();
  }

  /** The image shape of one sample of an image dataset (from the files for {@code idx}), or empty. */
  @JsonIgnore
  public Optional<Shape> imageShape() {
    if (idx == null) {
      return kind().imageShape();
    }
    IdxFolder.ImageSize size = idx.imageSize();
    return Optional.of(Shape.image(size.channels(), size.height(), size.width()));
  }

  /** One sample as a feature vector. */
  @JsonIgnore
  public Shape flatShape() {
    return Shape.flat(inputCount());
  }

  /** Class count for classification, 0 for regression. */
  @JsonIgnore
  public int classCount() {
    return classes != null ? classes : kind().defaultClasses();
  }

  @JsonIgnore
  public boolean isClassification() {
    return classCount() > 0;
  }

  /** What the output layer produces per sample: one score per class, or one regression target. */
  @JsonIgnore
  public int outputCount() {
    return isClassification() ? classCount() : 1;
  }
}
