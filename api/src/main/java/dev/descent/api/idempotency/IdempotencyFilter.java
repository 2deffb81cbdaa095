package dev.descent.api.idempotency;

import dev.descent.api.security.Callers;
import dev.descent.persistence.idempotency.Claim;
import dev.descent.persistence.idempotency.IdempotencyStore;
import dev.descent.persistence.idempotency.StoredResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on {@code POST /api/v1/jobs}, {@code POST /api/v1/studies} and the job actions (cancel,
 * resume, pause, unpause): the first request with a key runs and its response (a 5xx excepted) is stored for 24 h;
 * a repeat with the same method, path and body gets that response again ({@code Idempotent-Replayed: true}), one
 * with another body a 422. Keys are per caller ({@link dev.descent.api.security.Caller#scope()}). Concurrent
 * duplicates meet in the database ({@link IdempotencyStore}), so exactly one runs across all instances; the others
 * poll its row until it is stored. Runs after authentication (the caller is known); problems go to the MVC advice.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter implements Ordered {
  static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";
  /** After Spring Security's filter chain (order -100), so that the caller is known. */
  static final int ORDER = 0;
  /** The JSON body limit ({@code web.BodySizeLimit}); a longer body is answered 413 there, not remembered here. */
  static final int MAX_BODY = 1 << 20;
  static final Duration TTL = Duration.ofHours(24);
  /** How long a first request owns its key before a repeat may take it over (its instance died meanwhile). */
  static final Duration LEASE = Duration.ofMinutes(1);
  static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(20);
  private static final Pattern ROUTES = Pattern.compile(
      "/api/v1/(jobs|studies|jobs/[0-9a-fA-F-]{36}/(cancel|resume|pause|unpause))");
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
  private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

  private final IdempotencyStore store;
  private final HandlerExceptionResolver problems;
  private final Clock clock;

  IdempotencyFilter(IdempotencyStore store,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems, Clock clock) {
    this.store = store;
    this.problems = problems;
    this.clock = clock;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
        || !ROUTES.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    try {
      if (!KEY.matcher(key).matches()) {
        throw new IdempotencyKeyException(IdempotencyKeyException.Reason.INVALID,
            "must be 1 to 255 visible ASCII characters (no spaces)");
      }
      CachedBodyRequest cached = CachedBodyRequest.of(request, MAX_BODY);
      if (cached.overLimit()) {
        chain.doFilter(cached, response);
        return;
      }
      String scope = Callers.current().scope();
      String hash = RequestHash.of(request.getMethod(), request.getRequestURI(), request.getQueryString(),
          cached.body());
      Claim claim = awaitClaim(scope, key, hash);
      if (claim instanceof Claim.Won) {
        run(scope, key, cached, response, chain);
      } else if (claim instanceof Claim.Replay replay) {
        replay(replay.response(), response);
      } else if (claim instanceof Claim.Mismatch) {
        throw new IdempotencyKeyException(IdempotencyKeyException.Reason.REUSED,
            "was sent before with a different request (method, path or body); use a new key for a new request");
      } else {
        throw new IdempotencyKeyException(IdempotencyKeyException.Reason.IN_FLIGHT,
            "its first request is still running; retry later");
      }
    } catch (IdempotencyKeyException e) {
      problems.resolveException(request, response, null, e);
    }
  }

  /** Claims the key, waiting (polling the row, no connection held) while another request with it runs. */
  private Claim awaitClaim(String scope, String key, String hash) {
    Instant deadline = clock.instant().plus(WAIT);
    Claim claim = store.claim(scope, key, hash, TTL, LEASE);
    while (claim instanceof Claim.InFlight && clock.instant().isBefore(deadline)) {
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return claim;
      }
      claim = store.claim(scope, key, hash, TTL, LEASE);
    }
    return claim;
  }

  private void run(String scope, String key, HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
    boolean stored = false;
    try {
      chain.doFilter(request, recorded);
      stored = recorded.getStatus() < 500 && store(scope, key, recorded);
    } finally {
      if (!stored) {
        forget(scope, key);
      }
      recorded.copyBodyToResponse();
    }
  }

  /** Stores the response for repeats; false (logged) when the database would not take it. */
  private boolean store(String scope, String key, ContentCachingResponseWrapper recorded) {
    try {
      store.complete(scope, key, new StoredResponse(recorded.getStatus(), recorded.getContentType(),
          recorded.getHeader(HttpHeaders.LOCATION), recorded.getContentAsByteArray()));
      return true;
    } catch (RuntimeException e) {
      log.error("Could not store the response for idempotency key {} of {}", key, scope, e);
      return false;
    }
  }

  private void forget(String scope, String key) {
    try {
      store.abandon(scope, key);
    } catch (RuntimeException e) {
      log.warn("Could not release idempotency key {} of {}; its lease runs out in {}", key, scope, LEASE, e);
    }
  }

  private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
    response.setStatus(stored.status());
    if (stored.contentType() != null) {
      response.setContentType(stored.contentType());
    }
    if (stored.location() != null) {
      response.setHeader(HttpHeaders.LOCATION, stored.location());
    }
    response.setHeader(REPLAYED, "true");
    response.setContentLength(stored.body().length);
    response.getOutputStream().write(stored.body());
  }
}
