package dev.descent.engine.online.job;

import dev.descent.engine.online.input.CsvRowParser;
import dev.descent.engine.online.input.Example;
import dev.descent.engine.online.input.FeatureSpace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A shipped CSV dataset under {@code /datasets/} on the classpath whose header line reads {@code rows,features,…}
 * and whose rows end with the label, streamed row by row in the order of a seeded Fisher–Yates shuffle (Durstenfeld
 * 1964) driven by {@link SplittableRandom}{@code (seed)}. Labels are used as the file has them.
 */
final class ShippedCsv {
  private static final String ROOT = "/datasets/";

  private final List<String> rows;
  private final int features;

  private ShippedCsv(List<String> rows, int features) {
    this.rows = rows;
    this.features = features;
  }

  static ShippedCsv load(String file) {
    try (InputStream in = ShippedCsv.class.getResourceAsStream(ROOT + file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + ROOT + file);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> lines = reader.lines().filter(l -> !l.isBlank()).toList();
      int features = Integer.parseInt(lines.get(0).split(",")[1].trim());
      return new ShippedCsv(lines.subList(1, lines.size()), features);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ROOT + file, e);
    }
  }

  int rows() {
    return rows.size();
  }

  int features() {
    return features;
  }

  /** The rows as examples of {@code space}, in the order {@code seed} shuffles them into; replayable. */
  Iterable<Example> shuffled(FeatureSpace space, long seed) {
    CsvRowParser parser = new CsvRowParser(space, features);
    int[] order = order(seed);
    return () -> Arrays.stream(order).mapToObj(i -> parser.parse(rows.get(i))).iterator();
  }

  private int[] order(long seed) {
    int[] order = new int[rows.size()];
    Arrays.setAll(order, i -> i);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }
}
