package dev.descent.engine.online.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data rows come lazily, with their line numbers in the file; blank, comment and header lines are skipped. */
class TextRowsTests {
  @TempDir Path dir;

  @Test
  void rowsCarryTheirFileLineNumbersPastSkippedLines() throws IOException {
    Path file = Files.writeString(dir.resolve("rows.csv"), "# comment\nlabel,a\n\n1,2\n  \n0,3\n");
    List<TextRows.Row> rows = new ArrayList<>();
    try (TextRows lines = TextRows.open(file, true)) {
      lines.forEachRemaining(rows::add);
    }
    assertThat(rows).containsExactly(new TextRows.Row(4, "1,2"), new TextRows.Row(6, "0,3"));
  }

  @Test
  void aLargeGzippedFileIsReadOnlyAsFarAsRowsAreTaken() throws IOException {
    Path file = dir.resolve("big.svm.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      for (int i = 0; i < 200_000; i++) {
        out.write(("1 " + (i % 50 + 1) + ":0.5\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    try (TextRows lines = TextRows.open(file, false)) {
      assertThat(lines.next()).isEqualTo(new TextRows.Row(1, "1 1:0.5"));
      assertThat(lines.next().line()).isEqualTo(2);
      assertThat(lines.linesRead()).isEqualTo(2);
    }
  }

  @Test
  void aFileThatIsNotGzipDespiteItsNameIsAnError() throws IOException {
    Path file = Files.writeString(dir.resolve("plain.svm.gz"), "1 1:1\n");
    assertThatThrownBy(() -> TextRows.open(file, false)).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("plain.svm.gz");
  }
}
