package dev.descent.api.support;

/**
 * The admin key every test service runs with ({@code descent.security.admin-key}: set by {@link ApiTestBase}, by
 * surefire for other Spring contexts, and as {@code DESCENT_ADMIN_KEY} for service processes). {@link Http} and
 * {@link Sse} send it unless told otherwise.
 */
public final class TestKeys {
  public static final String ADMIN = "dsk_testadmn_ZGVzY2VudC10ZXN0LWFkbWluLWtleS1mb3ItdGhlLXN1aXRl";

  private TestKeys() {}

  /** The header value for {@code key}. */
  public static String bearer(String key) {
    return "Bearer " + key;
  }
}
