package dev.descent.api.web;

import dev.descent.api.dataset.DatasetFileNotFoundException;
import dev.descent.api.dataset.FileConflictException;
import dev.descent.api.dataset.InvalidFileNameException;
import dev.descent.api.dataset.UploadTooLargeException;
import dev.descent.api.job.JobConflictException;
import dev.descent.api.job.JobNotFoundException;
import dev.descent.api.web.generated.model.FieldError;
import dev.descent.api.web.generated.model.Problem;
import dev.descent.engine.validation.SpecException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place errors become RFC 9457 problem documents: a stable {@code type} URI, a human title and detail, the
 * offending fields as JSON pointers, and never a class name or a stack trace.
 */
@RestControllerAdvice
class ProblemAdvice {
  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
  static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

  @ExceptionHandler(SpecException.class)
  ResponseEntity<Problem> invalidSpec(SpecException e, HttpServletRequest request) {
    List<FieldError> errors =
        e.violations().stream().map(v -> new FieldError(v.pointer(), v.message())).toList();
    String detail = errors.size() == 1 ? errors.get(0).getPointer() + ": " + errors.get(0).getMessage()
        : errors.size() + " problems; see errors";
    if (errors.size() == 1 && errors.get(0).getPointer().isEmpty()) {
      return problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_JSON, "Malformed JSON",
          errors.get(0).getMessage(), errors, request);
    }
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.INVALID_SPEC, "Invalid spec", detail, errors,
        request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    return problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_JSON, "Malformed JSON",
        "the request body is missing or not readable JSON", List.of(new FieldError("", "not readable JSON")),
        request);
  }

  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<Problem> invalidParameter(InvalidParameterException e, HttpServletRequest request) {
    return parameterProblem(e.parameter(), e.getMessage(), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Problem> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    String expected = e.getRequiredType() == null ? "a valid value" : describe(e.getRequiredType());
    return parameterProblem(e.getName(), "'" + e.getValue() + "' is not " + expected, request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Problem> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
    return parameterProblem(e.getParameterName(), "is required", request);
  }

  @ExceptionHandler(JobNotFoundException.class)
  ResponseEntity<Problem> notFound(JobNotFoundException e, HttpServletRequest request) {
    return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", e.getMessage(), null, request);
  }

  @ExceptionHandler(DatasetFileNotFoundException.class)
  ResponseEntity<Problem> noFile(DatasetFileNotFoundException e, HttpServletRequest request) {
    return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", e.getMessage(), null, request);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Problem> noResource(NoResourceFoundException e, HttpServletRequest request) {
    return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
        "no resource at " + request.getRequestURI(), null, request);
  }

  @ExceptionHandler(JobConflictException.class)
  ResponseEntity<Problem> conflict(JobConflictException e, HttpServletRequest request) {
    return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", e.getMessage(), null, request);
  }

  @ExceptionHandler(InvalidFileNameException.class)
  ResponseEntity<Problem> invalidFileName(InvalidFileNameException e, HttpServletRequest request) {
    return parameterProblem(e.parameter(), e.getMessage(), request);
  }

  @ExceptionHandler(FileConflictException.class)
  ResponseEntity<Problem> fileConflict(FileConflictException e, HttpServletRequest request) {
    return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", e.getMessage(), null, request);
  }

  @ExceptionHandler(UploadTooLargeException.class)
  ResponseEntity<Problem> uploadTooLarge(UploadTooLargeException e, HttpServletRequest request) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
        e.getMessage(), null, request);
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<Problem> tooLarge(PayloadTooLargeException e, HttpServletRequest request) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
        e.getMessage(), null, request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Problem> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
        "Unsupported media type", "send the body as " + supported(e), null, request);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Problem> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
    return problem(HttpStatus.NOT_ACCEPTABLE, ProblemTypes.NOT_ACCEPTABLE, "Not acceptable",
        "this resource is available as " + e.getSupportedMediaTypes(), null, request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Problem> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED, ProblemTypes.METHOD_NOT_ALLOWED, "Method not allowed",
        e.getMethod() + " is not supported here", null, request);
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Problem> status(ResponseStatusException e, HttpServletRequest request) {
    HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
    URI type = status == HttpStatus.SERVICE_UNAVAILABLE ? ProblemTypes.SERVICE_UNAVAILABLE : ProblemTypes.INTERNAL;
    return problem(status, type, status.getReasonPhrase(), e.getReason(), null, request);
  }

  /** A client that went away mid-response (an event stream closed, a download aborted): nothing left to answer. */
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  void clientGone(AsyncRequestNotUsableException e) {
    log.debug("Client disconnected: {}", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Problem> internal(Exception e, HttpServletRequest request) {
    log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
        "the server failed to handle the request; it has been logged", null, request);
  }

  private ResponseEntity<Problem> parameterProblem(String name, String message, HttpServletRequest request) {
    return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_PARAMETER, "Invalid parameter",
        name + ": " + message, List.of(new FieldError(name, message)), request);
  }

  private static String supported(HttpMediaTypeNotSupportedException e) {
    return e.getSupportedMediaTypes().contains(MediaType.APPLICATION_OCTET_STREAM)
        ? "application/octet-stream" : "application/json";
  }

  private static String describe(Class<?> type) {
    if (type.isEnum()) {
      return "one of " + List.of(type.getEnumConstants());
    }
    return switch (type.getSimpleName()) {
      case "UUID" -> "a UUID";
      case "Integer", "int", "Long", "long" -> "an integer";
      default -> "a valid value";
    };
  }

  static ResponseEntity<Problem> problem(HttpStatus status, URI type, String title, String detail,
      List<FieldError> errors, HttpServletRequest request) {
    Problem body = new Problem(type.toString(), title, status.value()).detail(detail)
        .instance(request.getRequestURI());
    body.setErrors(errors == null ? List.of() : errors);
    return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(body);
  }
}
