package dev.descent.engine.data.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the Fashion-MNIST IDX files are (Xiao, Rasul &amp; Vollgraf 2017, MIT): the system property
 * {@value #PROPERTY}, else the environment variable {@value #ENV}, else {@code fashion-mnist} under the system
 * property {@value #DATASETS_PROPERTY} (set for the tests), else {@value #DEBIAN_FOLDER}, where Debian's
 * {@code dataset-fashion-mnist} package installs them.
 */
public final class FashionMnistFolder {
  public static final String PROPERTY = "descent.datasets.fashion-mnist";
  public static final String ENV = "DESCENT_FASHION_MNIST_DIR";
  public static final String DATASETS_PROPERTY = "descent.datasets.dir";
  public static final String DEBIAN_FOLDER = "/usr/share/datasets/fashion-mnist";
  public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
  public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
  public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
  public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
  public static final int TRAIN_SIZE = 60_000;
  public static final int TEST_SIZE = 10_000;
  public static final int SIDE = 28;
  public static final int CLASSES = 10;
  private static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

  private FashionMnistFolder() {}

  /** The configured folder. */
  public static Path location() {
    return Optional.ofNullable(System.getProperty(PROPERTY))
        .or(() -> Optional.ofNullable(System.getenv(ENV)))
        .map(Path::of)
        .or(() -> Optional.ofNullable(System.getProperty(DATASETS_PROPERTY)).map(d -> Path.of(d, "fashion-mnist")))
        .orElse(Path.of(DEBIAN_FOLDER));
  }

  /** Whether the configured folder holds the four gzipped IDX files. */
  public static boolean isComplete() {
    Path folder = location();
    return FILES.stream().allMatch(f -> Files.isRegularFile(folder.resolve(f)));
  }
}
