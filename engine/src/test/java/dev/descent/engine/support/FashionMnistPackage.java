package dev.descent.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real Fashion-MNIST files for the tests that read them: Debian's {@code dataset-fashion-mnist}, installed by
 * {@code .ci/install-fashion-mnist.sh} when missing (as the browser test installs Chromium). A test that cannot get
 * them fails; none skips.
 */
public final class FashionMnistPackage {
  public static final Path FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
  private static boolean installed;

  private FashionMnistPackage() {}

  /** Installs the package once per JVM if its files are missing. */
  public static synchronized void ensureInstalled() throws IOException, InterruptedException {
    if (installed) {
      return;
    }
    Process process = new ProcessBuilder("bash", "../.ci/install-fashion-mnist.sh").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("installing dataset-fashion-mnist").isTrue();
    assertThat(process.exitValue()).as("installing dataset-fashion-mnist: " + output).isZero();
    assertThat(FOLDER.resolve("train-images-idx3-ubyte.gz")).exists();
    installed = true;
  }
}
