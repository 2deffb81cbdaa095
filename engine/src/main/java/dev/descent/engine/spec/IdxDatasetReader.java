package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.data.files.IdxFolder;
import dev.descent.engine.validation.FieldReader;
import java.util.Optional;

/**
 * Reads {@code /dataset} of an {@code "idx"} dataset: {@code folder} (required, relative to the {@link DataFolder}),
 * {@code trainSubset} and {@code testSubset} (default: all images of each part), {@code classes} (default: the largest
 * label + 1, at least 2). The folder is opened here ({@link IdxFolder#open}: headers and labels only), so every
 * problem with it is a violation at {@code /dataset/folder} and the model is checked against the images' shape.
 */
final class IdxDatasetReader {
  static final int MAX_FOLDER_LENGTH = 1_000;
  private static final String AT = "/dataset";
  private static final int MIN_CLASSES = 2;

  private final FieldReader reader;
  private final DataFolder data;

  IdxDatasetReader(FieldReader reader, DataFolder data) {
    this.reader = reader;
    this.data = data;
  }

  /** The dataset spec, or empty (with violations) when the folder is missing or unusable. */
  Optional<DatasetSpec> read(ObjectNode o, double split, boolean standardize) {
    String folder = reader.text(o, AT, "folder", null, MAX_FOLDER_LENGTH);
    IdxFolder idx = folder == null ? null : open(folder);
    if (idx == null) {
      reader.integer(o, AT, "trainSubset", 1L, 1, Integer.MAX_VALUE);
      reader.integer(o, AT, "testSubset", 1L, 1, Integer.MAX_VALUE);
      reader.integer(o, AT, "classes", (long) MIN_CLASSES, MIN_CLASSES, DatasetSpecReader.MAX_CLASSES);
      return Optional.empty();
    }
    int train = (int) reader.integer(o, AT, "trainSubset", (long) idx.trainCount(), 1, idx.trainCount());
    int test = (int) reader.integer(o, AT, "testSubset", (long) idx.testCount(), 1, idx.testCount());
    int classes = classes(o, idx.maxLabel());
    return Optional.of(new DatasetSpec(DatasetKind.IDX.specName(), split, standardize, null, null, classes, null,
        train, test, folder, idx));
  }

  private IdxFolder open(String folder) {
    try {
      return IdxFolder.open(folder, data);
    } catch (IdxFolder.Problem e) {
      reader.add(AT + "/folder", e.getMessage());
      return null;
    }
  }

  /** The class count: given, it must exceed every label; else the largest label + 1 (at least 2). */
  private int classes(ObjectNode o, int maxLabel) {
    int fromLabels = Math.max(MIN_CLASSES, maxLabel + 1);
    int classes = (int) reader.integer(o, AT, "classes", (long) fromLabels, MIN_CLASSES,
        DatasetSpecReader.MAX_CLASSES);
    if (classes <= maxLabel) {
      reader.add(AT + "/classes", "must be more than the largest label " + maxLabel + ", got " + classes);
    }
    return classes;
  }
}
