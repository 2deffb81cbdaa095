package dev.descent.api.web;

import dev.descent.api.web.generated.model.Example;
import dev.descent.api.web.generated.model.ExampleList;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The job specs of the repository's {@code examples/} folder, packaged into the jar, read once at start-up. */
@Component
class Examples {
  private final ExampleList examples;

  Examples(JsonMapper json) {
    this.examples = new ExampleList(load(json));
  }

  ExampleList list() {
    return examples;
  }

  private static List<Example> load(JsonMapper json) {
    try {
      Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:examples/*.json");
      List<Example> out = new ArrayList<>();
      for (Resource file : files) {
        try (InputStream in = file.getInputStream()) {
          String name = file.getFilename().replaceFirst("\\.json$", "");
          out.add(new Example(name, json.readTree(in)));
        }
      }
      out.sort(Comparator.comparing(Example::getName));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled examples", e);
    }
  }
}
