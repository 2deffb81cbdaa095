package dev.descent.persistence.idempotency;

/** What {@link IdempotencyStore#claim} found for a key. */
public sealed interface Claim {
  /**
   * This request owns the key now: run it, then {@link IdempotencyStore#complete} or {@link IdempotencyStore#abandon}.
   */
  record Won() implements Claim {}

  /** The key's first request, with the same request hash, has finished: answer its response. */
  record Replay(StoredResponse response) implements Claim {}

  /** The key was used for a different request (another method, path or body). */
  record Mismatch() implements Claim {}

  /** The key's first request, with the same request hash, is still running (its lease has not run out). */
  record InFlight() implements Claim {}
}
