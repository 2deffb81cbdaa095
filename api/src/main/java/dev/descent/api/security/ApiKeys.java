package dev.descent.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The API key format: {@code dsk_<prefix>_<secret>}, an 8-character visible prefix (lower-case letters and digits;
 * the key's id) and 32 random bytes in base64url. Keys are stored only as the hex SHA-256 of the whole key, compared in
 * constant time. A configured key of another form ({@code DESCENT_ADMIN_KEY}) is identified by {@code cfg_} and the
 * first 8 hex digits of its hash.
 */
public final class ApiKeys {
  /** What a bearer token may contain (RFC 6750 {@code b64token}), and a configured key at least. */
  static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");
  private static final String PREFIX_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  /** A new key with its prefix. */
  public static NewKey generate() {
    StringBuilder prefix = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      prefix.append(PREFIX_CHARS.charAt(RANDOM.nextInt(PREFIX_CHARS.length())));
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = "dsk_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new NewKey(prefix.toString(), key);
  }

  /** The hex SHA-256 of {@code key}: what is stored. */
  public static String hash(String key) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /** The stored prefix of {@code key}, whose hash is {@code hash}. */
  public static String prefixOf(String key, String hash) {
    boolean ours = key.length() > 13 && key.startsWith("dsk_") && key.charAt(12) == '_'
        && key.substring(4, 12).chars().allMatch(c -> PREFIX_CHARS.indexOf(c) >= 0);
    return ours ? key.substring(4, 12) : "cfg_" + hash.substring(0, 8);
  }

  /** Whether two hex hashes are equal, in time independent of where they differ. */
  static boolean sameHash(String stored, String presented) {
    return MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
        presented.getBytes(StandardCharsets.US_ASCII));
  }

  /** A key just made: shown once, then only its hash is kept. */
  public record NewKey(String prefix, String key) {}
}
