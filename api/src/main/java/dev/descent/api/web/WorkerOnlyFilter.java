package dev.descent.api.web;

import dev.descent.api.config.Roles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On an instance whose {@code descent.roles} lacks {@code api} (a worker), everything but {@code /actuator/**}
 * (health, Prometheus) answers 404 as a problem document: the REST API, the dashboard and the event streams live on
 * the {@code api} instances.
 */
@Component
@Conditional(Roles.NoApi.class)
class WorkerOnlyFilter extends OncePerRequestFilter {
  static final String ACTUATOR = "/actuator";
  private static final String PROBLEM = """
      {"type":"about:blank","title":"Not Found","status":404,\
      "detail":"this instance is a worker (descent.roles=worker): it serves no API, only /actuator"}""";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals(ACTUATOR) || path.startsWith(ACTUATOR + "/")) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(PROBLEM);
  }
}
