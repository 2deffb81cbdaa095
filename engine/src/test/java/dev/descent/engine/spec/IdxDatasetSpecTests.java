package dev.descent.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.descent.engine.support.IdxTestFolder;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code "name": "idx"} datasets: the parser opens the folder inside the data folder, takes the image shape and the
 * classes from the files, checks the model against that shape, and names every problem at {@code /dataset/folder}.
 */
class IdxDatasetSpecTests {
  private static final String CNN = "{\"type\":\"conv2d\",\"filters\":2,\"kernel\":3},{\"type\":\"output\"}";

  @TempDir Path temp;

  private static String spec(String dataset, String layers) {
    return "{\"dataset\":{\"name\":\"idx\"" + dataset + "},\"model\":{\"layers\":[" + layers + "]},\"epochs\":1}";
  }

  private static List<String> pointers(String json) {
    SpecException e = catchThrowableOfType(() -> SpecParser.parse(json, EngineLimits.DEFAULTS), SpecException.class);
    assertThat(e).as("a violation for " + json).isNotNull();
    return e.violations().stream().map(Violation::pointer).toList();
  }

  private static String message(String json) {
    return catchThrowableOfType(() -> SpecParser.parse(json, EngineLimits.DEFAULTS), SpecException.class)
        .violations().get(0).message();
  }

  @Test
  void shapeAndClassesComeFromTheFilesAndTheCanonicalFormRoundTrips() throws IOException {
    try (IdxTestFolder data = new IdxTestFolder(temp)) {
      data.mnistLike("digits5", 12, new int[] {5, 6}, 4, true);
      TrainingSpec spec = SpecParser.parse(spec(",\"folder\":\"digits5\",\"trainSubset\":10", CNN),
          EngineLimits.DEFAULTS);
      DatasetSpec dataset = spec.dataset();
      assertThat(dataset.imageShape()).contains(Shape.image(1, 5, 6));
      assertThat(dataset.classCount()).isEqualTo(4);
      assertThat(dataset.trainSubset()).isEqualTo(10);
      assertThat(dataset.testSubset()).isEqualTo(12);
      assertThat(spec.model().inputShape(dataset)).isEqualTo(Shape.image(1, 5, 6));
      assertThat(SpecParser.toJson(spec)).contains("\"folder\":\"digits5\"", "\"classes\":4")
          .doesNotContain("idx\":", "trainImages");
      assertThat(SpecParser.parse(SpecParser.toJson(spec), EngineLimits.DEFAULTS)).isEqualTo(spec);
    }
  }

  @Test
  void fourDimensionalImagesHaveChannelsAndPlainFilesWithDotSpellingAreFound() throws IOException {
    try (IdxTestFolder data = new IdxTestFolder(temp)) {
      Path dir = data.mnistLike("rgb", 6, new int[] {4, 4, 3}, 3, false);
      Files.move(dir.resolve("t10k-labels-idx1-ubyte"), dir.resolve("t10k-labels.idx1-ubyte"));
      TrainingSpec spec = SpecParser.parse(spec(",\"folder\":\"rgb\"", CNN), EngineLimits.DEFAULTS);
      assertThat(spec.dataset().imageShape()).contains(Shape.image(3, 4, 4));
      assertThat(spec.dataset().inputCount()).isEqualTo(48);
      assertThat(spec.dataset().idx().testLabels().getFileName()).hasToString("t10k-labels.idx1-ubyte");
    }
  }

  @Test
  void theModelIsCheckedAgainstTheImagesShape() throws IOException {
    try (IdxTestFolder data = new IdxTestFolder(temp)) {
      data.mnistLike("small", 4, new int[] {4, 4}, 2, true);
      String tooBig = "{\"type\":\"conv2d\",\"filters\":2,\"kernel\":5},{\"type\":\"output\"}";
      assertThat(pointers(spec(",\"folder\":\"small\"", tooBig))).containsExactly("/model/layers/0/kernel");
      assertThat(pointers(spec(",\"folder\":\"small\"", "{\"type\":\"output\",\"units\":3}")))
          .containsExactly("/model/layers/0/units");
    }
  }

  @Test
  void aMissingOrEscapingFolderIsRefusedAtTheFolderField() throws IOException {
    try (IdxTestFolder data = new IdxTestFolder(temp)) {
      assertThat(pointers(spec("", CNN))).containsExactly("/dataset/folder");
      assertThat(pointers(spec(",\"folder\":\"nothing-here\"", CNN))).containsExactly("/dataset/folder");
      assertThat(pointers(spec(",\"folder\":\"../etc\"", CNN))).containsExactly("/dataset/folder");
      assertThat(pointers(spec(",\"folder\":\"/etc\"", CNN))).containsExactly("/dataset/folder");
      assertThat(message(spec(",\"folder\":\"../etc\"", CNN))).contains("not a folder inside the data folder");
      Path dir = data.mnistLike("partial", 4, new int[] {4, 4}, 2, true);
      Files.delete(dir.resolve("t10k-images-idx3-ubyte.gz"));
      assertThat(message(spec(",\"folder\":\"partial\"", CNN))).contains("t10k-images-idx3-ubyte");
    }
  }

  @Test
  void badMagicNumberMismatchedCountsAndTruncationAreRefused() throws IOException {
    try (IdxTestFolder data = new IdxTestFolder(temp)) {
      Path magic = data.mnistLike("magic", 4, new int[] {4, 4}, 2, false);
      byte[] floats = IdxTestFolder.images(4, new int[] {4, 4});
      floats[2] = 0x0d;
      IdxTestFolder.write(magic.resolve("train-images-idx3-ubyte"), floats, false);
      assertThat(message(spec(",\"folder\":\"magic\"", CNN))).contains("bad magic number");
      Path counts = data.mnistLike("counts", 4, new int[] {4, 4}, 2, true);
      IdxTestFolder.write(counts.resolve("train-labels-idx1-ubyte.gz"), IdxTestFolder.labels(3, 2), true);
      assertThat(message(spec(",\"folder\":\"counts\"", CNN))).contains("3 labels", "4 images");
      Path cut = data.mnistLike("cut", 4, new int[] {4, 4}, 2, false);
      byte[] whole = IdxTestFolder.images(4, new int[] {4, 4});
      IdxTestFolder.write(cut.resolve("t10k-images-idx3-ubyte"), java.util.Arrays.copyOf(whole, 40), false);
      assertThat(message(spec(",\"folder\":\"cut\"", CNN))).contains("truncated");
      for (String folder : List.of("magic", "counts", "cut")) {
        assertThat(pointers(spec(",\"folder\":\"" + folder + "\"", CNN))).containsExactly("/dataset/folder");
      }
    }
  }

  @Test
  void partsOfDifferentShapesAndTooFewClassesAreRefused() throws IOException {
    try (IdxTestFolder data = new IdxTestFolder(temp)) {
      Path dir = data.mnistLike("mixed", 4, new int[] {4, 4}, 3, true);
      IdxTestFolder.write(dir.resolve("t10k-images-idx3-ubyte.gz"), IdxTestFolder.images(4, new int[] {5, 4}), true);
      assertThat(message(spec(",\"folder\":\"mixed\"", CNN))).contains("1×5×4", "1×4×4");
      data.mnistLike("three", 4, new int[] {4, 4}, 3, true);
      assertThat(pointers(spec(",\"folder\":\"three\",\"classes\":2", CNN))).containsExactly("/dataset/classes");
      assertThat(pointers(spec(",\"folder\":\"three\",\"trainSubset\":5", CNN)))
          .containsExactly("/dataset/trainSubset");
      assertThat(pointers(spec(",\"folder\":\"three\",\"noise\":1", CNN))).containsExactly("/dataset/noise");
    }
  }

  @Test
  void onlyIdxTakesAFolder() {
    String iris = "{\"dataset\":{\"name\":\"iris\",\"folder\":\"x\"},\"model\":{\"layers\":[{\"type\":\"output\"}]},"
        + "\"epochs\":1}";
    assertThat(pointers(iris)).containsExactly("/dataset/folder");
  }
}
