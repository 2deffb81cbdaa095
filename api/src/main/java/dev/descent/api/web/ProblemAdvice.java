package dev.descent.api.web;

import dev.descent.api.dataset.DatasetFileNotFoundException;
import dev.descent.api.dataset.FileConflictException;
import dev.descent.api.dataset.UploadTooLargeException;
import dev.descent.api.idempotency.IdempotencyKeyException;
import dev.descent.api.job.JobConflictException;
import dev.descent.api.job.JobNotFoundException;
import dev.descent.api.job.TooManyRowsException;
import dev.descent.api.security.TenantNameTakenException;
import dev.descent.api.security.ForbiddenException;
import dev.descent.api.quota.QuotaExceededException;
import dev.descent.api.security.TenantNotFoundException;
import dev.descent.api.web.generated.model.FieldError;
import dev.descent.engine.validation.SpecException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place errors become RFC 9457 problem documents ({@link ProblemDetail}): Spring's own exceptions through
 * {@link ResponseEntityExceptionHandler}, ours by their class. Each has a stable {@code type} URI
 * ({@link ProblemTypes}), a human title and detail, the offending fields as JSON pointers in {@code errors}
 * ({@link FieldErrors}), and never a class name or a stack trace.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
  private static final URI BLANK = URI.create("about:blank");
  private static final Map<Class<? extends RuntimeException>, ProblemTypes> DOMAIN = Map.of(
      JobNotFoundException.class, ProblemTypes.NOT_FOUND,
      TenantNotFoundException.class, ProblemTypes.NOT_FOUND,
      TenantNameTakenException.class, ProblemTypes.CONFLICT,
      DatasetFileNotFoundException.class, ProblemTypes.NOT_FOUND,
      JobConflictException.class, ProblemTypes.CONFLICT,
      FileConflictException.class, ProblemTypes.CONFLICT,
      UploadTooLargeException.class, ProblemTypes.PAYLOAD_TOO_LARGE,
      PayloadTooLargeException.class, ProblemTypes.PAYLOAD_TOO_LARGE,
      TooManyRowsException.class, ProblemTypes.PAYLOAD_TOO_LARGE);

  @ExceptionHandler(SpecException.class)
  ResponseEntity<Object> invalidSpec(SpecException e, WebRequest request) {
    List<FieldError> errors =
        e.violations().stream().map(v -> new FieldError(v.pointer(), v.message())).toList();
    FieldError only = errors.size() == 1 ? errors.get(0) : null;
    if (only != null && only.getPointer().isEmpty()) {
      return answer(e, FieldErrors.attach(ProblemTypes.MALFORMED_JSON.problem(only.getMessage()), errors), request);
    }
    String detail =
        only != null ? only.getPointer() + ": " + only.getMessage() : errors.size() + " problems; see errors";
    return answer(e, FieldErrors.attach(ProblemTypes.INVALID_SPEC.problem(detail), errors), request);
  }

  @ExceptionHandler({JobNotFoundException.class, DatasetFileNotFoundException.class, JobConflictException.class,
      TenantNotFoundException.class, TenantNameTakenException.class, FileConflictException.class,
      UploadTooLargeException.class, PayloadTooLargeException.class,
      TooManyRowsException.class})
  ResponseEntity<Object> domain(RuntimeException e, WebRequest request) {
    ProblemTypes type = DOMAIN.entrySet().stream().filter(d -> d.getKey().isInstance(e)).map(Map.Entry::getValue)
        .findFirst().orElse(ProblemTypes.INTERNAL);
    return answer(e, type.problem(e.getMessage()), request);
  }

  /**
   * Refusals of the security filters, handed here by {@code security.SecurityProblems} (which sets
   * {@code WWW-Authenticate}): no key (401 with a hint), an unknown, expired or revoked one (401, why).
   */
  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<Object> unauthenticated(AuthenticationException e, WebRequest request) {
    String detail = e instanceof InsufficientAuthenticationException
        ? "send an API key as 'Authorization: Bearer <key>' (docs/security.md)" : e.getMessage();
    return answer(e, ProblemTypes.UNAUTHORIZED.problem(detail), request);
  }

  /** A valid key that may not do this: a tenant's key on an admin-only operation. */
  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> forbidden(AccessDeniedException e, WebRequest request) {
    return answer(e, ProblemTypes.FORBIDDEN.problem("this operation needs an admin key"), request);
  }

  /** A valid key refused by a service: a tenant's key reading the audit trail. */
  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<Object> refused(ForbiddenException e, WebRequest request) {
    return answer(e, ProblemTypes.FORBIDDEN.problem(e.getMessage()), request);
  }

  /** A refused {@code Idempotency-Key}: its syntax (400), reused for another request (422), still in flight (409). */
  @ExceptionHandler(IdempotencyKeyException.class)
  ResponseEntity<Object> idempotencyKey(IdempotencyKeyException e, WebRequest request) {
    String header = IdempotencyKeyException.header();
    List<FieldError> errors = List.of(new FieldError(header, e.getMessage()));
    ProblemDetail problem = switch (e.reason()) {
      case INVALID -> FieldErrors.parameter(header, e.getMessage());
      case REUSED -> FieldErrors.attach(ProblemTypes.IDEMPOTENCY_KEY_REUSED.problem(header + ": " + e.getMessage()),
          errors);
      case IN_FLIGHT -> FieldErrors.attach(ProblemTypes.CONFLICT.problem(header + ": " + e.getMessage()), errors);
    };
    return answer(e, problem, request);
  }

  /** A tenant's quota: 429 (with {@code Retry-After}), 422 or 413, naming the quota as {@code quota}. */
  @ExceptionHandler(QuotaExceededException.class)
  ResponseEntity<Object> quota(QuotaExceededException e, WebRequest request) {
    ProblemDetail problem = ProblemTypes.QUOTA_EXCEEDED.problem(e.getMessage());
    problem.setStatus(e.status().value());
    problem.setProperty("quota", e.quota());
    problem.setProperty("limit", e.limit());
    HttpHeaders headers = new HttpHeaders();
    if (e.retryAfter() != null) {
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
    }
    return answer(e, problem, headers, request);
  }

  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<Object> invalidParameter(InvalidParameterException e, WebRequest request) {
    return answer(e, FieldErrors.parameter(e.parameter(), e.getMessage()), request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> internal(Exception e, HttpServletRequest servletRequest, WebRequest request) {
    log.error("Unhandled error on {} {}", servletRequest.getMethod(), servletRequest.getRequestURI(), e);
    return answer(e, ProblemTypes.INTERNAL.problem("the server failed to handle the request; it has been logged"),
        request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return answer(e, FieldErrors.of(e, getMessageSource(), request.getLocale()), request);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return answer(e, FieldErrors.typeMismatch(e), request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return answer(e, FieldErrors.parameter(e.getParameterName(), "is required"), request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = ProblemTypes.MALFORMED_JSON.problem("the request body is missing or not readable JSON");
    return answer(e, FieldErrors.attach(problem, List.of(new FieldError("", "not readable JSON"))), request);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String path = ((ServletWebRequest) request).getRequest().getRequestURI();
    return answer(e, ProblemTypes.NOT_FOUND.problem("no resource at " + path), request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String supported = e.getSupportedMediaTypes().contains(MediaType.APPLICATION_OCTET_STREAM)
        ? "application/octet-stream" : "application/json";
    return answer(e, ProblemTypes.UNSUPPORTED_MEDIA_TYPE.problem("send the body as " + supported), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String detail = "this resource is available as " + e.getSupportedMediaTypes();
    return answer(e, ProblemTypes.NOT_ACCEPTABLE.problem(detail), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String detail = e.getMethod() + " is not supported here";
    return answer(e, ProblemTypes.METHOD_NOT_ALLOWED.problem(detail), headers, request);
  }

  /** Every problem leaves here: typed (a status-only one of Spring's by its status), with errors, as problem+json. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    if (body instanceof ProblemDetail problem && BLANK.equals(problem.getType())) {
      ProblemTypes.forStatus(status).ifPresentOrElse(t -> t.applyTo(problem),
          () -> problem.setType(ProblemTypes.INTERNAL.uri()));
    }
    if (body instanceof ProblemDetail problem
        && (problem.getProperties() == null || !problem.getProperties().containsKey(FieldErrors.PROPERTY))) {
      FieldErrors.attach(problem, List.of());
    }
    return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  private ResponseEntity<Object> answer(Exception e, ProblemDetail problem, WebRequest request) {
    return answer(e, problem, new HttpHeaders(), request);
  }

  private ResponseEntity<Object> answer(Exception e, ProblemDetail problem, HttpHeaders headers,
      WebRequest request) {
    return handleExceptionInternal(e, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
  }
}
