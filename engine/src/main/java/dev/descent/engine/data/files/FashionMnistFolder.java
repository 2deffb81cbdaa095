package dev.descent.engine.data.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the Fashion-MNIST IDX files are (Xiao, Rasul &amp; Vollgraf 2017, MIT): the system property
 * {@value #PROPERTY}, else the environment variable {@value #ENV}, else {@code fashion-mnist} in the user data folder
 * when there is one, else {@value #DEBIAN_FOLDER}, where Debian's {@code dataset-fashion-mnist} package installs
 * them.
 */
public final class FashionMnistFolder {
  public static final String PROPERTY = "descent.datasets.fashion-mnist";
  public static final String ENV = "DESCENT_FASHION_MNIST_DIR";
  public static final String IN_DATA_FOLDER = "fashion-mnist";
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

  /** The folder for a service whose user data folder is {@code data}. */
  public static Path location(DataFolder data) {
    Path inData = data.location().resolve(IN_DATA_FOLDER);
    return Optional.ofNullable(System.getProperty(PROPERTY))
        .or(() -> Optional.ofNullable(System.getenv(ENV)))
        .map(Path::of)
        .or(() -> Optional.of(inData).filter(Files::isDirectory))
        .orElse(Path.of(DEBIAN_FOLDER));
  }

  /** Whether {@code folder} holds the four gzipped IDX files. */
  public static boolean isComplete(Path folder) {
    return FILES.stream().allMatch(f -> Files.isRegularFile(folder.resolve(f)));
  }
}
