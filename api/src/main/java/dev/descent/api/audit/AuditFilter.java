package dev.descent.api.audit;

import dev.descent.api.security.Caller;
import dev.descent.persistence.audit.AuditEntry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Writes one {@code audit_event} row for every POST, PUT, PATCH and DELETE under {@code /api/v1}, after the response
 * status is known, whatever it is (the 401s of Spring Security included: this filter runs outside its chain). The
 * caller is the one {@link CallerCapture} noted; route, operation and resource id come from Spring MVC's request
 * attributes when a handler was found. The response body (small: these calls answer JSON) is held until the row is
 * written, so a client that has its answer finds the row. A failed insert is logged and never fails the request.
 */
@Component
class AuditFilter extends OncePerRequestFilter implements Ordered {
  /** Before Spring Security's filter chain (order -100). */
  static final int ORDER = -200;
  static final String CALLER = AuditFilter.class.getName() + ".caller";
  private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final String API = "/api/v1/";
  private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);

  private final AuditTrail trail;

  AuditFilter(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  static boolean notAudited(HttpServletRequest request) {
    return !MUTATING.contains(request.getMethod())
        || !request.getRequestURI().substring(request.getContextPath().length()).startsWith(API);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return notAudited(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
    boolean done = false;
    try {
      chain.doFilter(request, held);
      done = true;
    } finally {
      record(request, done ? held.getStatus() : HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
          held.getHeader(HttpHeaders.LOCATION));
      held.copyBodyToResponse();
    }
  }

  private void record(HttpServletRequest request, int status, String location) {
    try {
      Caller caller = request.getAttribute(CALLER) instanceof Caller c ? c : null;
      Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
      trail.log().append(new AuditEntry(null, trail.clock().instant(), caller == null ? null : caller.keyPrefix(),
          caller == null ? null : caller.tenantId(), request.getMethod(), request.getRequestURI(),
          (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE),
          handler instanceof HandlerMethod method ? method.getMethod().getName() : null,
          resourceId(request, location), status));
    } catch (RuntimeException e) {
      log.error("Could not write the audit row of {} {} ({})", request.getMethod(), request.getRequestURI(), status,
          e);
    }
  }

  /** The path's {@code id}, else its {@code folder/name}, else the last segment of a created resource's Location. */
  @SuppressWarnings("unchecked")
  private static String resourceId(HttpServletRequest request, String location) {
    Object attribute = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    Map<String, String> vars = attribute instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    if (vars.containsKey("id")) {
      return vars.get("id");
    }
    if (vars.containsKey("name")) {
      return vars.containsKey("folder") ? vars.get("folder") + "/" + vars.get("name") : vars.get("name");
    }
    return location == null ? null : location.substring(location.lastIndexOf('/') + 1);
  }
}
