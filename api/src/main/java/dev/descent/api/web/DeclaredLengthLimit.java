package dev.descent.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that declares a body over {@value BodySizeLimit#MAX_BYTES} bytes ({@code Content-Length}) is answered 413
 * (a problem, through {@code /error}) before anything else runs, whichever endpoint it names, also one that reads no
 * body. Uploads ({@code PUT /api/v1/datasets/files/…}) are left to their own limit,
 * {@code descent.datasets.max-upload-size} ({@link DatasetsController}); bodies without a declared length are
 * counted as they are read ({@link BodySizeLimit}, {@link StreamingUploadReader}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeclaredLengthLimit extends OncePerRequestFilter {
  static final String UPLOADS = "/api/v1/datasets/files/";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean upload = "PUT".equals(request.getMethod())
        && request.getRequestURI().startsWith(request.getContextPath() + UPLOADS);
    if (!upload && request.getContentLengthLong() > BodySizeLimit.MAX_BYTES) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    chain.doFilter(request, response);
  }
}
