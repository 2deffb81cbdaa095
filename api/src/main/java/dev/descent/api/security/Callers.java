package dev.descent.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, from Spring Security's context (see {@link ApiKeyAuthenticationProvider}). */
public final class Callers {
  private Callers() {}

  /** The current request's caller; {@link Caller#SYSTEM} outside a request (workers, tickers). */
  public static Caller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof Caller caller ? caller : Caller.SYSTEM;
  }
}
