package dev.descent.engine.online.job;

import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.online.input.DataFiles;
import dev.descent.engine.online.input.FeatureHasher;
import dev.descent.engine.online.input.FeatureSpace;
import dev.descent.engine.online.input.MaxIndexSpace;
import dev.descent.engine.online.input.RowParser;
import dev.descent.engine.online.input.TextFormat;
import dev.descent.engine.online.input.TextRows;
import dev.descent.engine.spec.OnlineJobSpec;
import dev.descent.engine.spec.StreamFile;
import java.nio.file.Path;

/**
 * The {@code file} stream of an online job: the rows of a file in the {@link DataFolder}, in file order, each read
 * from disk as the trainer takes it ({@link FileExamples}). A first pass before training counts the rows (the
 * stream's size, hence the progress total); it also finds the dimension when the spec gives neither
 * {@code features} nor {@code hashing}: the largest feature index + 1 of a LibSVM file (every row is then parsed,
 * so a malformed row fails the job before training starts), the first row's column count − 1 of a CSV file.
 */
final class FileStreams {
  /** The largest dimension a first pass may find. */
  static final int MAX_DIMENSION = Integer.MAX_VALUE - 8;

  private FileStreams() {}

  static ExampleStream open(OnlineJobSpec spec, DataFolder data) {
    StreamFile source = spec.stream().file();
    Path path = data.resolve(source.path())
        .orElseThrow(() -> new IllegalArgumentException("stream path " + source.path() + " leaves the data folder"));
    TextFormat format = source.textFormat();
    boolean inferDimension = spec.hashing() == null && spec.stream().features() == null;
    Scan scan = scan(path, format, inferDimension && format.libsvm());
    FeatureSpace space = spec.hashing() != null
        ? new FeatureHasher(spec.hashing().dimension(), spec.seed())
        : FeatureSpace.identity(spec.stream().features() != null ? spec.stream().features() : scan.dimension());
    RowParser parser = format.parser(space, scan.columns());
    String name = path.getFileName().toString();
    return new ExampleStream(() -> new FileExamples(TextRows.open(path, format.header()), parser, name),
        scan.rows(), space.dimension());
  }

  /** Rows, the CSV column count (0 for LibSVM) and the dimension the rows need (when {@code parseAll}). */
  record Scan(long rows, int columns, int dimension) {}

  static Scan scan(Path path, TextFormat format, boolean parseAll) {
    String name = path.getFileName().toString();
    MaxIndexSpace indices = new MaxIndexSpace(MAX_DIMENSION);
    RowParser parser = format.parser(indices, 0);
    long rows = 0;
    int columns = 0;
    try (TextRows lines = TextRows.open(path, format.header())) {
      while (lines.hasNext()) {
        TextRows.Row row = lines.next();
        if (rows++ == 0 && !format.libsvm()) {
          columns = DataFiles.columns(format, row, name);
        }
        if (parseAll) {
          DataFiles.parse(parser, row, name);
        }
      }
    }
    return new Scan(rows, columns, columns > 0 ? columns - 1 : indices.needed());
  }
}
