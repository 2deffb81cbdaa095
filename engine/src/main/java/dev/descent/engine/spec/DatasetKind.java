package dev.descent.engine.spec;

import dev.descent.engine.data.files.FashionMnistFolder;
import dev.descent.engine.data.files.IdxFolder;
import java.util.Arrays;
import java.util.Optional;

/**
 * The datasets a spec may name, with their shape. Built-in sets have a fixed shape ({@code idx} takes its shape from
 * the files, see {@link DatasetSpec#imageShape()}); synthetic generators carry the
 * defaults the parser fills for {@code samples}, {@code features}, {@code classes} (0 for regression) and
 * {@code noise}, and say which of these a spec may change.
 */
public enum DatasetKind {
  IRIS("iris", 4, 3),
  WINE("wine", 13, 3),
  BREAST_CANCER("breast_cancer", 30, 2),
  DIGITS("digits", 64, 10),
  DIABETES("diabetes", 10, 0),
  FASHION_MNIST("fashion_mnist", FashionMnistFolder.SIDE * FashionMnistFolder.SIDE, FashionMnistFolder.CLASSES),
  /** Any IDX folder a spec points to: its shape and classes come from the files ({@link IdxFolder}), not from here. */
  IDX("idx", 0, 0),
  BLOBS("blobs", new Synthetic(300, 2, 3, 1.0, true, true)),
  MOONS("moons", new Synthetic(300, 2, 2, 0.1, false, false)),
  CIRCLES("circles", new Synthetic(300, 2, 2, 0.05, false, false)),
  SPIRALS("spirals", new Synthetic(300, 2, 3, 0.2, false, true)),
  REGRESSION("regression", new Synthetic(300, 5, 0, 0.1, true, false)),
  BARS("bars", new Synthetic(400, 64, 4, 0.3, false, false));

  private static final int DIGITS_SIDE = 8;
  /** Side of the square {@code bars} images. */
  public static final int BARS_SIDE = 8;

  private final String specName;
  private final int features;
  private final int classes;
  private final Synthetic synthetic;

  DatasetKind(String specName, int features, int classes) {
    this.specName = specName;
    this.features = features;
    this.classes = classes;
    this.synthetic = null;
  }

  DatasetKind(String specName, Synthetic synthetic) {
    this.specName = specName;
    this.features = synthetic.features();
    this.classes = synthetic.classes();
    this.synthetic = synthetic;
  }

  /** The kind a spec's {@code dataset.name} stands for, if any. */
  public static Optional<DatasetKind> byName(String name) {
    return Arrays.stream(values()).filter(k -> k.specName.equals(name)).findFirst();
  }

  public String specName() {
    return specName;
  }

  /** Features of a built-in set, or the generator's default. */
  public int defaultFeatures() {
    return features;
  }

  /** Classes of a built-in set or the generator's default; 0 for regression. */
  public int defaultClasses() {
    return classes;
  }

  /**
   * The one-channel image shape of an image dataset ({@code digits}, {@code bars}, {@code fashion_mnist}), or empty.
   */
  public Optional<Shape> imageShape() {
    return switch (this) {
      case DIGITS -> Optional.of(Shape.image(1, DIGITS_SIDE, DIGITS_SIDE));
      case BARS -> Optional.of(Shape.image(1, BARS_SIDE, BARS_SIDE));
      case FASHION_MNIST -> Optional.of(Shape.image(1, FashionMnistFolder.SIDE, FashionMnistFolder.SIDE));
      default -> Optional.empty();
    };
  }

  /** The generator's defaults, or empty for a built-in set. */
  public Optional<Synthetic> synthetic() {
    return Optional.ofNullable(synthetic);
  }

  /**
   * A generator's defaults; {@code featuresAdjustable}/{@code classesAdjustable} say whether a spec may set them.
   */
  public record Synthetic(
      int samples, int features, int classes, double noise, boolean featuresAdjustable, boolean classesAdjustable) {}
}
