package dev.descent.persistence.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Metric maps ({@code name → value}) in {@code jsonb} columns. They are written from two parallel arrays by {@link
 * #JSONB_FROM_ARRAYS}, where {@code to_jsonb} stores finite values as JSON numbers and NaN/±Infinity (which JSON
 * numbers cannot hold) as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}; reads turn both forms
 * back into doubles.
 */
public final class MetricMaps {

  /** SQL expression for a jsonb object from two bind parameters: {@code text[]} names, {@code float8[]} values. */
  public static final String JSONB_FROM_ARRAYS =
      "(SELECT coalesce(jsonb_object_agg(n, to_jsonb(v)), '{}'::jsonb) FROM unnest(?::text[], ?::float8[]) AS t(n, v))";

  private MetricMaps() {}

  /** The names of {@code metrics}, sorted, to bind as the {@code text[]} of {@link #JSONB_FROM_ARRAYS}. */
  public static String[] names(Map<String, Double> metrics) {
    return new TreeMap<>(metrics).keySet().toArray(String[]::new);
  }

  /** The values of {@code metrics} in the order of {@link #names}, to bind as the {@code float8[]}. */
  public static Double[] values(Map<String, Double> metrics) {
    return new TreeMap<>(metrics).values().toArray(Double[]::new);
  }

  /** A map read from a jsonb column through Hibernate (numbers, or strings for non-finite values); null → empty. */
  public static Map<String, Double> fromJson(Map<String, ?> json) {
    if (json == null) {
      return Map.of();
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    json.forEach((name, value) -> metrics.put(name, toDouble(value)));
    return Collections.unmodifiableMap(metrics);
  }

  /** A map from two parallel arrays read with {@code jsonb_each_text} ({@code "NaN"} etc. parse as doubles). */
  public static Map<String, Double> fromText(String[] names, String[] values) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      metrics.put(names[i], Double.parseDouble(values[i]));
    }
    return Collections.unmodifiableMap(metrics);
  }

  private static double toDouble(Object value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    return Double.parseDouble(String.valueOf(value));
  }
}
