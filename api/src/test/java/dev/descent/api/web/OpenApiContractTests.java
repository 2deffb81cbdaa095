package dev.descent.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.OpenApiOperations;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the running service serves and what openapi.yaml promises are the same set of operations. */
class OpenApiContractTests extends ApiTestBase {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  @Test
  void everyImplementedOperationIsDocumentedAndEveryDocumentedOneImplemented() throws IOException {
    Set<String> documented = new TreeSet<>();
    OpenApiOperations.all().forEach(operation -> documented.add(operation.toString()));
    Set<String> served = new TreeSet<>();
    JsonNode live = http().get("/v3/api-docs").json().get("paths");
    live.properties().forEach(path -> path.getValue().properties().stream().map(Map.Entry::getKey)
        .filter(METHODS::contains).forEach(m -> served.add(m.toUpperCase() + " " + path.getKey())));

    assertThat(served).isNotEmpty().isEqualTo(documented);
  }

  /**
   * The rule of openapi.yaml's Unauthorized, Forbidden, TooManyRequests and NotFound responses: every operation
   * declares 401, 403 and 429; 404 exactly when its path has a parameter (names a resource).
   */
  @Test
  @SuppressWarnings("unchecked")
  void everyOperationDeclaresTheAnswersOfAuthorizationAnd404ExactlyWhenItsPathNamesAResource() {
    List<String> wrong = new ArrayList<>();
    OpenApiOperations.paths().forEach((path, ops) -> ops.forEach((method, op) -> {
      if (!METHODS.contains(method)) {
        return;
      }
      Set<String> declared = ((Map<String, Object>) ((Map<String, Object>) op).get("responses")).keySet();
      Set<String> wanted = new TreeSet<>(List.of("401", "403", "429"));
      if (path.contains("{")) {
        wanted.add("404");
      } else if (declared.contains("404")) {
        wrong.add(method + " " + path + " declares 404 but names no resource");
      }
      wanted.removeAll(declared);
      if (!wanted.isEmpty()) {
        wrong.add(method + " " + path + " lacks " + wanted);
      }
    }));
    assertThat(wrong).isEmpty();
  }
}
