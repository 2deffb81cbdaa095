package dev.descent.api.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** The operations openapi.yaml declares, read from the file at test time. */
public final class OpenApiOperations {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

  private OpenApiOperations() {}

  /** One operation: its HTTP method (upper case) and its path template ({@code /api/v1/jobs/{id}}). */
  public record Operation(String method, String path) {
    /**
     * The path with every parameter filled in with a value of the right form that names nothing that exists: a
     * random UUID for ids, a random safe name otherwise.
     */
    public String concretePath() {
      Matcher m = PARAMETER.matcher(path);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String name = m.group(1);
        String random = UUID.randomUUID().toString();
        m.appendReplacement(out, name.equals("id") || name.endsWith("Id") ? random
            : "x" + random.replace("-", "").substring(0, 12));
      }
      return m.appendTail(out).toString();
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** Every operation in openapi.yaml. */
  public static List<Operation> all() {
    List<Operation> operations = new ArrayList<>();
    paths().forEach((path, ops) -> ops.keySet().stream().filter(METHODS::contains)
        .forEach(m -> operations.add(new Operation(m.toUpperCase(), path))));
    return operations;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> paths() {
    try (InputStream in = Files.newInputStream(Path.of("../openapi.yaml"))) {
      return (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(in).get("paths");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
