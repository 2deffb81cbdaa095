package dev.descent.api.security;

/**
 * The caller of the current request. Until authentication is wired (issue #20), every request acts as
 * {@link Caller#SYSTEM}; the authentication filter replaces this with the key's caller from Spring Security's context.
 */
public final class Callers {
  private Callers() {}

  /** The current request's caller; {@link Caller#SYSTEM} outside a request (workers, tickers). */
  public static Caller current() {
    return Caller.SYSTEM;
  }
}
