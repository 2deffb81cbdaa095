package dev.descent.persistence.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PBT member's tracked values in its job's stored spec (jsonb), read and written by JSON pointer in SQL: values
 * are JSON texts, keyed by pointer in the scheduler's tracked order.
 */
final class PbtSpecs {
  private final JdbcClient jdbc;
  private final PbtParams pbt;

  PbtSpecs(JdbcClient jdbc, PbtParams pbt) {
    this.jdbc = jdbc;
    this.pbt = pbt;
  }

  /** The job's tracked values, pointer → JSON text ({@code null} where its spec has none). */
  Map<String, String> values(UUID job) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pointer : pbt.tracked()) {
      String value = jdbc.sql("SELECT (spec #> CAST(:path AS text[]))::text FROM job WHERE id = :job")
          .param("path", path(pointer)).param("job", job).query(String.class).optional().orElse(null);
      out.put(pointer, value == null ? "null" : value);
    }
    return out;
  }

  /** {@code source}'s values with each mutation's value multiplied by its factor (clipped, rounded if integral). */
  Map<String, String> explore(Map<String, String> source, List<Double> factors) {
    Map<String, String> out = new LinkedHashMap<>(source);
    for (int i = 0; i < pbt.mutations().size(); i++) {
      PbtParams.Mutation m = pbt.mutations().get(i);
      double v = m.explore(Double.parseDouble(source.get(m.pointer())), factors.get(i));
      out.put(m.pointer(), m.integral() ? Long.toString((long) v) : Double.toString(v));
    }
    return out;
  }

  /** Sets the values (those it has) in the job's stored spec: the job's next claim trains with them. */
  void write(UUID job, Map<String, String> all) {
    Map<String, String> values = new LinkedHashMap<>(all);
    values.values().removeIf("null"::equals);
    StringBuilder expr = new StringBuilder("spec");
    int i = 0;
    for (String pointer : values.keySet()) {
      expr.insert(0, "jsonb_set(").append(", CAST(:p").append(i).append(" AS text[]), CAST(:v").append(i)
          .append(" AS jsonb))");
      i++;
    }
    var statement = jdbc.sql("UPDATE job SET spec = " + expr + ", version = version + 1 WHERE id = :job")
        .param("job", job);
    i = 0;
    for (Map.Entry<String, String> e : values.entrySet()) {
      statement = statement.param("p" + i, path(e.getKey())).param("v" + i, e.getValue());
      i++;
    }
    statement.update();
  }

  /** A JSON object text of pointer → value. */
  static String json(Map<String, String> values) {
    StringBuilder out = new StringBuilder("{");
    values.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(quote(k)).append(':').append(v));
    return out.append('}').toString();
  }

  /** An RFC 6901 pointer as a PostgreSQL text[] literal of its unescaped tokens. */
  static String path(String pointer) {
    StringBuilder out = new StringBuilder("{");
    String[] tokens = pointer.substring(1).split("/", -1);
    for (int i = 0; i < tokens.length; i++) {
      out.append(i > 0 ? "," : "").append(quote(tokens[i].replace("~1", "/").replace("~0", "~")));
    }
    return out.append('}').toString();
  }

  /** {@code s} as a double-quoted element of a PostgreSQL array literal (or a JSON string). */
  static String quoted(String s) {
    return quote(s);
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
