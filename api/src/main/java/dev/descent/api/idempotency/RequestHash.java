package dev.descent.api.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What makes two requests with one idempotency key "the same": a SHA-256 of method, path, query and body. */
final class RequestHash {
  private RequestHash() {}

  static String of(String method, String path, String query, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      String head = method + ' ' + path + (query == null ? "" : "?" + query) + '\n';
      digest.update(head.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
