/**
 * Idempotency keys in PostgreSQL: {@link dev.descent.persistence.idempotency.IdempotencyStore} claims a key for the
 * first request (insert-first, {@code ON CONFLICT DO NOTHING}), stores its response, and answers repeats with it.
 */
package dev.descent.persistence.idempotency;
