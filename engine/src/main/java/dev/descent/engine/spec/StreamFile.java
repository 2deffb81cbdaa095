package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.online.input.TextFormat;

/**
 * An online stream read from a file of the user data folder ({@link DataFolder}): {@code path} relative to it,
 * {@code format} {@code "libsvm"} (with {@code indexBase} 1 or 0) or {@code "csv"} (with {@code labelColumn},
 * negative from the end, {@code header} and a one-character {@code delimiter}). Fields of the other format are
 * null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"path", "format", "indexBase", "labelColumn", "header", "delimiter"})
public record StreamFile(
    String path, String format, Integer indexBase, Integer labelColumn, Boolean header, String delimiter) {
  public static final String LIBSVM = "libsvm";
  public static final String CSV = "csv";

  public static StreamFile libsvm(String path, int indexBase) {
    return new StreamFile(path, LIBSVM, indexBase, null, null, null);
  }

  public static StreamFile csv(String path, int labelColumn, boolean header, char delimiter) {
    return new StreamFile(path, CSV, null, labelColumn, header, String.valueOf(delimiter));
  }

  @JsonIgnore
  public boolean isCsv() {
    return CSV.equals(format);
  }

  /** How the file's rows read. */
  @JsonIgnore
  public TextFormat textFormat() {
    return isCsv() ? TextFormat.csv(labelColumn, header, delimiter.charAt(0)) : TextFormat.libsvm(indexBase);
  }
}
