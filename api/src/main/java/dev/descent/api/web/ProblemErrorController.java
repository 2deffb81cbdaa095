package dev.descent.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Spring Boot's error path ({@code server.error.path}, {@code /error}), where the servlet container forwards an error
 * no handler answered (a {@code sendError} of a filter, Tomcat's own 400 inside the application, an exception thrown
 * before Spring MVC): a problem document whatever the {@code Accept} header says, in place of Boot's JSON or HTML
 * Whitelabel page. Its {@code instance} is the path of the failed request. Called directly, it is a 404 like any
 * path that serves nothing.
 */
@Controller
class ProblemErrorController implements ErrorController {
  private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer known && known >= 400 ? known : 404;
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (failure instanceof Throwable e) {
      log.error("Unhandled error on {} {}", request.getMethod(), path, e);
    }
    Map<String, Object> problem = ProblemErrorReportValve.problem(status);
    if (path instanceof String uri && safe(uri)) {
      problem.put("instance", uri);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static boolean safe(String path) {
    try {
      return URI.create(path).getRawPath().equals(path);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
