package dev.descent.persistence.job;

/** The failure codes the persistence layer itself assigns (the engine adds its own, e.g. {@code DIVERGED}). */
public final class FailureCodes {

  /** The job was claimed {@code max_attempts} times and its worker was lost every time. */
  public static final String MAX_ATTEMPTS = "MAX_ATTEMPTS";

  private FailureCodes() {}
}
