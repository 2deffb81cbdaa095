package dev.descent.api.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word on an error no servlet answered — a request it refused before Spring saw it (an encoded
 * {@code /}, {@code \} or NUL in the path, a malformed request line, headers too large, a bad {@code Host}), or an
 * error after the response left the application: an RFC 9457 problem instead of Tomcat's HTML page. The problem has a
 * fixed detail per status and no {@code instance}: the request it answers may not even have a readable path.
 */
class ProblemErrorReportValve extends ErrorReportValve {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(JSON.writeValueAsString(problem(status)));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response cannot take a body: nothing more to say
    }
  }

  /** The problem document Tomcat answers for {@code status}: type, title, status and a detail naming no input. */
  static Map<String, Object> problem(int status) {
    ProblemTypes type = ProblemTypes.forContainerStatus(status);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type == null ? "about:blank" : type.uri().toString());
    problem.put("title", type == null ? reason(status) : type.title());
    problem.put("status", status);
    problem.put("detail", detail(status));
    problem.put(FieldErrors.PROPERTY, List.of());
    return problem;
  }

  private static String detail(int status) {
    return switch (status) {
      case 400 -> "the server refused the request before handling it: its request line, path (an encoded '/', '\\' "
          + "or NUL, a '..' segment) or headers are malformed";
      case 404 -> "no resource at this path";
      case 413 -> "the request body is larger than the server accepts: " + BodySizeLimit.MAX_BYTES
          + " bytes, an upload descent.datasets.max-upload-size";
      case 500 -> "the server failed to handle the request; it has been logged";
      case 431 -> "the request headers are larger than the server accepts";
      default -> "the server could not handle the request (" + reason(status) + ")";
    };
  }

  private static String reason(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return known == null ? "HTTP " + status : known.getReasonPhrase();
  }
}
