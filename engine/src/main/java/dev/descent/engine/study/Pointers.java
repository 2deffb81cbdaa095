package dev.descent.engine.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6901 JSON pointers into a job spec: setting a value at one, and telling whether one lies under another. A
 * pointer's last token names a field of an existing object (added when absent: the job-spec reader then refuses the
 * fields it does not know) or an existing element of an array; every token before it must exist.
 */
final class Pointers {
  static final String NO_SUCH_PLACE = "no such place in base";

  private Pointers() {}

  /**
   * Sets {@code value} at {@code pointer} in {@code root}; the reason it cannot (null when it could). The root
   * itself ({@code ""}) cannot be set.
   */
  static String set(ObjectNode root, String pointer, JsonNode value) {
    if (!pointer.startsWith("/")) {
      return "must be a JSON pointer into the base, starting with '/'";
    }
    List<String> tokens = tokens(pointer);
    JsonNode parent = root;
    for (String token : tokens.subList(0, tokens.size() - 1)) {
      parent = child(parent, token);
      if (parent == null) {
        return NO_SUCH_PLACE;
      }
    }
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof ObjectNode object) {
      object.set(last, value.deepCopy());
      return null;
    }
    int index = index(parent, last);
    if (index < 0) {
      return NO_SUCH_PLACE;
    }
    ((ArrayNode) parent).set(index, value.deepCopy());
    return null;
  }

  /** True when {@code pointer} is {@code at} or lies under it. */
  static boolean isUnder(String pointer, String at) {
    return pointer.equals(at) || pointer.startsWith(at + "/");
  }

  /** The unescaped reference tokens of a pointer that starts with '/'. */
  static List<String> tokens(String pointer) {
    List<String> out = new ArrayList<>();
    for (String raw : pointer.substring(1).split("/", -1)) {
      out.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  private static JsonNode child(JsonNode node, String token) {
    if (node instanceof ObjectNode object) {
      return object.get(token);
    }
    int index = index(node, token);
    return index < 0 ? null : node.get(index);
  }

  /** The element index {@code token} names in an array node, or -1 (not an array, not an index, out of range). */
  private static int index(JsonNode node, String token) {
    if (!(node instanceof ArrayNode) || !token.matches("0|[1-9][0-9]{0,8}")) {
      return -1;
    }
    int index = Integer.parseInt(token);
    return index < node.size() ? index : -1;
  }
}
