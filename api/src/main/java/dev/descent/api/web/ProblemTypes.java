package dev.descent.api.web;

import java.net.URI;

/** The stable problem {@code type} URIs clients may switch on (documented in openapi.yaml). */
final class ProblemTypes {
  private static final String BASE = "https://descent.dev/problems/";

  static final URI INVALID_SPEC = URI.create(BASE + "invalid-spec");
  static final URI MALFORMED_JSON = URI.create(BASE + "malformed-json");
  static final URI INVALID_PARAMETER = URI.create(BASE + "invalid-parameter");
  static final URI NOT_FOUND = URI.create(BASE + "not-found");
  static final URI CONFLICT = URI.create(BASE + "conflict");
  static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");
  static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");
  static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");
  static final URI NOT_ACCEPTABLE = URI.create(BASE + "not-acceptable");
  static final URI SERVICE_UNAVAILABLE = URI.create(BASE + "service-unavailable");
  static final URI INTERNAL = URI.create(BASE + "internal");

  private ProblemTypes() {}
}
