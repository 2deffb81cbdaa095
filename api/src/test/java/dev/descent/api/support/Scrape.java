package dev.descent.api.support;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** One {@code /actuator/prometheus} answer (the text format), read series by series. */
public record Scrape(String text) {

  /**
   * The value of the sample whose name and labels start as {@code series} (e.g. {@code descent_queue_depth} or
   * {@code descent_queue_depth{status="QUEUED"}}; leading labels without the closing brace match any further ones), or
   * empty.
   */
  public OptionalDouble value(String series) {
    List<Double> values = values(series);
    return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(values.get(0));
  }

  /** The value of {@code series}; fails when the scrape has no such sample. */
  public double require(String series) {
    return value(series).orElseThrow(() -> new AssertionError("no sample " + series + " in\n" + text));
  }

  /** The values of every sample whose name and labels start as {@code series}. */
  public List<Double> values(String series) {
    boolean labels = series.contains("{");
    String open = series.endsWith("}") ? series.substring(0, series.length() - 1) : series;
    List<Double> values = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || !line.startsWith(open)) {
        continue;
      }
      String rest = line.substring(open.length());
      boolean sameName = labels ? rest.startsWith("}") || rest.startsWith(",")
          : rest.startsWith("{") || rest.startsWith(" ");
      if (sameName) {
        values.add(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
      }
    }
    return values;
  }
}
