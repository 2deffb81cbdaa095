package dev.descent.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals of the security filters as RFC 9457 problems: 401 with {@code WWW-Authenticate: Bearer} (no key, or an
 * unknown, expired or revoked one) and 403 (a tenant's key on an admin-only operation).
 */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {
  private static final String TYPES = "https://descent.dev/problems/";
  private final JsonMapper json;

  SecurityProblems(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    boolean invalid = e instanceof InvalidBearerTokenException;
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, invalid
        ? "Bearer error=\"invalid_token\", error_description=\"" + e.getMessage().replace('"', '\'') + "\""
        : "Bearer");
    String detail = invalid ? e.getMessage()
        : "send an API key as 'Authorization: Bearer <key>' (docs/security.md)";
    write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(request, response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "Forbidden",
        "this operation needs an admin key");
  }

  private void write(HttpServletRequest request, HttpServletResponse response, int status, String type,
      String title, String detail) throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", TYPES + type);
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(json.writeValueAsString(problem));
  }
}
