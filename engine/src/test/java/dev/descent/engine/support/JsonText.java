package dev.descent.engine.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/** JSON written in tests, read into a tree. */
public final class JsonText {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonText() {}

  /** The tree of {@code text}; malformed text fails the test. */
  public static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tree of {@code text} written with single quotes for readability: every {@code '} becomes {@code "}. */
  public static JsonNode quoted(String text) {
    return json(text.replace('\'', '"'));
  }
}
