package dev.descent.api.playground;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.engine.playground.Playground;
import dev.descent.engine.playground.Trajectory;
import dev.descent.engine.validation.SpecException;
import org.springframework.stereotype.Service;

/**
 * Runs optimizer paths on test functions through the engine's own optimizers. Requests are bounded by the engine
 * (steps, dimension), so a run is short enough to answer on the request thread.
 *
 * <p>The one class of the api module on Jackson 2: the engine's spec API ({@link Playground#run}) takes a Jackson 2
 * tree, so the request is parsed into one here, once; everything else in api is on Spring's Jackson 3
 * ({@code JacksonRulesTest}).
 */
@Service
public class PlaygroundService {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Playground playground;

  PlaygroundService(Playground playground) {
    this.playground = playground;
  }

  /** The path for a raw JSON request; a {@link SpecException} names every problem (pointer "" for bad JSON). */
  public Trajectory run(String requestJson) {
    JsonNode request;
    try {
      request = JSON.readTree(requestJson);
    } catch (JacksonException e) {
      throw new SpecException("", "malformed JSON: " + e.getOriginalMessage());
    }
    return playground.run(request);
  }
}
