package dev.descent.api.web;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The stable problem {@code type} URIs clients may switch on (documented in openapi.yaml), each with its status and
 * title.
 */
enum ProblemTypes {
  INVALID_SPEC(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-spec", "Invalid spec"),
  INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter"),
  MALFORMED_JSON(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON"),
  BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request", "Bad request"),
  UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
  CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflict"),
  IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused"),
  PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
  NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
  QUOTA_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS, "quota-exceeded", "Quota exceeded"),
  SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service Unavailable"),
  INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error");

  private static final String BASE = "https://descent.dev/problems/";

  private final HttpStatus status;
  private final URI uri;
  private final String title;

  ProblemTypes(HttpStatus status, String name, String title) {
    this.status = status;
    this.uri = URI.create(BASE + name);
    this.title = title;
  }

  HttpStatus status() {
    return status;
  }

  URI uri() {
    return uri;
  }

  /** A problem of this type: its status, type URI and title, and {@code detail}. */
  ProblemDetail problem(String detail) {
    return applyTo(ProblemDetail.forStatusAndDetail(status, detail));
  }

  String title() {
    return title;
  }

  ProblemDetail applyTo(ProblemDetail problem) {
    problem.setType(uri);
    problem.setTitle(title);
    return problem;
  }

  /** The type of a problem Spring built with only a status (the first declared for it: 400 is a parameter's). */
  static Optional<ProblemTypes> forStatus(HttpStatusCode status) {
    return Arrays.stream(values()).filter(t -> t.status.value() == status.value()).findFirst();
  }

  /** The type of an error the servlet container answers itself: a 400 there is a malformed request, not a field's. */
  static ProblemTypes forContainerStatus(int status) {
    return status == BAD_REQUEST.status.value() ? BAD_REQUEST
        : forStatus(HttpStatusCode.valueOf(status)).orElse(null);
  }
}
