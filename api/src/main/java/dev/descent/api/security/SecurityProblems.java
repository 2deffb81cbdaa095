package dev.descent.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refusals of the security filters: 401 with {@code WWW-Authenticate: Bearer} (no key, or an unknown, expired or
 * revoked one; {@code error="invalid_token"} when a key was sent) and 403 (a tenant's key on an admin-only operation).
 * The bodies are made where every problem is made, the web layer's {@code ProblemAdvice}, through Spring MVC's
 * exception resolvers.
 */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {
  private final HandlerExceptionResolver resolver;

  SecurityProblems(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, e instanceof InvalidBearerTokenException
        ? "Bearer error=\"invalid_token\", error_description=\"" + e.getMessage().replace('"', '\'') + "\""
        : "Bearer");
    resolve(request, response, e, HttpServletResponse.SC_UNAUTHORIZED);
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    resolve(request, response, e, HttpServletResponse.SC_FORBIDDEN);
  }

  private void resolve(HttpServletRequest request, HttpServletResponse response, Exception e, int status)
      throws IOException {
    if (resolver.resolveException(request, response, null, e) == null) {
      response.sendError(status);
    }
  }
}
