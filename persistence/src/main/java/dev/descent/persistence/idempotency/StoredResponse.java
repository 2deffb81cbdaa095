package dev.descent.persistence.idempotency;

/** The response of the first request with a key, replayed to its repeats. */
public record StoredResponse(int status, String contentType, String location, byte[] body) {}
