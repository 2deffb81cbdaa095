package dev.descent.api.security;

import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the bodies of {@code POST /api/v1/tenants} and {@code POST /api/v1/tenants/{id}/keys}; every problem is a
 * {@link Violation} at its JSON pointer (a 422), an unreadable body one at the root (a 400).
 */
final class TenantRequests {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]*");

  private TenantRequests() {}

  /** The tenant name in {@code body}. */
  static String name(JsonMapper json, String body) {
    JsonNode root = object(json, body, Set.of("name"));
    JsonNode name = root.get("name");
    List<Violation> violations = new ArrayList<>();
    if (name == null || name.isNull()) {
      violations.add(new Violation("/name", "is required"));
    } else if (!name.isString()) {
      violations.add(new Violation("/name", "must be a string"));
    } else if (name.asString().isEmpty() || name.asString().length() > 100) {
      violations.add(new Violation("/name", "must have 1 to 100 characters"));
    } else if (!NAME.matcher(name.asString()).matches()) {
      violations.add(new Violation("/name", "may hold letters, digits, space and ._- and must start with a letter or"
          + " digit"));
    }
    if (!violations.isEmpty()) {
      throw new SpecException(violations);
    }
    return name.asString();
  }

  /** The expiry in {@code body} (null or blank body: none); it must be after {@code now}. */
  static Instant expiresAt(JsonMapper json, String body, Instant now) {
    if (body == null || body.isBlank()) {
      return null;
    }
    JsonNode expires = object(json, body, Set.of("expiresAt")).get("expiresAt");
    if (expires == null || expires.isNull()) {
      return null;
    }
    try {
      Instant at = Instant.parse(expires.asString());
      if (!at.isAfter(now)) {
        throw new SpecException("/expiresAt", "must be in the future");
      }
      return at;
    } catch (DateTimeParseException e) {
      throw new SpecException("/expiresAt", "must be an RFC 3339 date-time such as 2030-01-31T12:00:00Z");
    }
  }

  private static JsonNode object(JsonMapper json, String body, Set<String> allowed) {
    JsonNode root;
    try {
      root = json.readTree(body == null ? "" : body);
    } catch (JacksonException e) {
      throw new SpecException("", "the request body is not readable JSON");
    }
    if (root == null || !root.isObject()) {
      throw new SpecException("", "the request body must be a JSON object");
    }
    List<Violation> unknown = new ArrayList<>();
    root.propertyNames().forEach(field -> {
      if (!allowed.contains(field)) {
        unknown.add(new Violation("/" + field.replace("~", "~0").replace("/", "~1"), "unknown field"));
      }
    });
    if (!unknown.isEmpty()) {
      throw new SpecException(unknown);
    }
    return root;
  }
}
