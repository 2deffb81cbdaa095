package dev.descent.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.OpenApiOperations;
import java.io.IOException;
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
}
