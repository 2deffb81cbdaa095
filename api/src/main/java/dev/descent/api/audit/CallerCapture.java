package dev.descent.api.audit;

import dev.descent.api.security.Callers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notes the request's caller for {@link AuditFilter}, from inside Spring Security's chain, whose context is gone by
 * the time the audit filter (outside it, so that 401s are audited too) writes its row. A request the chain rejects
 * never gets here: its row names no caller.
 */
@Component
class CallerCapture extends OncePerRequestFilter implements Ordered {
  /** After Spring Security's filter chain (order -100), before the idempotency filter (0). */
  static final int ORDER = -50;

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return AuditFilter.notAudited(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    request.setAttribute(AuditFilter.CALLER, Callers.current());
    chain.doFilter(request, response);
  }
}
