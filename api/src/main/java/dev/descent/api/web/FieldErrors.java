package dev.descent.api.web;

import dev.descent.api.web.generated.model.FieldError;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The {@code errors} of a problem: one {@link FieldError} per offending field, named by its JSON pointer (in a body)
 * or its parameter name (in a path or query).
 */
final class FieldErrors {
  static final String PROPERTY = "errors";

  private FieldErrors() {}

  static ProblemDetail attach(ProblemDetail problem, List<FieldError> errors) {
    problem.setProperty(PROPERTY, errors);
    return problem;
  }

  /** An invalid-parameter problem naming one parameter. */
  static ProblemDetail parameter(String name, String message) {
    return parameters(List.of(new FieldError(name, message)));
  }

  /** The parameters that broke the constraints openapi.yaml declares (Bean Validation on the generated API). */
  static ProblemDetail of(HandlerMethodValidationException e, MessageSource messages, Locale locale) {
    return parameters(e.getParameterValidationResults().stream()
        .flatMap(result -> result.getResolvableErrors().stream()
            .map(error -> new FieldError(name(result), message(error, messages, locale))))
        .toList());
  }

  /** A parameter that does not convert to its declared type. */
  static ProblemDetail typeMismatch(TypeMismatchException e) {
    String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
    Class<?> type = e.getRequiredType();
    return parameter(name, "'" + e.getValue() + "' is not " + (type == null ? "a valid value" : describe(type)));
  }

  private static ProblemDetail parameters(List<FieldError> errors) {
    String detail = errors.stream().map(error -> error.getPointer() + ": " + error.getMessage())
        .collect(Collectors.joining("; "));
    return attach(ProblemTypes.INVALID_PARAMETER.problem(detail), errors);
  }

  private static String name(ParameterValidationResult result) {
    MethodParameter parameter = result.getMethodParameter(); // a handler's: annotations merged, aliases resolved
    RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
    PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
    String declared = query != null ? query.name() : path != null ? path.name() : "";
    return declared.isEmpty() ? parameter.getParameterName() : declared;
  }

  private static String message(MessageSourceResolvable error, MessageSource messages, Locale locale) {
    return messages == null ? error.getDefaultMessage() : messages.getMessage(error, locale);
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
}
