/**
 * The {@code Idempotency-Key} header on the creating and acting POSTs (docs/security.md "Idempotency"): one servlet
 * filter, {@link dev.descent.api.idempotency.IdempotencyFilter}, over the keys stored in PostgreSQL.
 */
package dev.descent.api.idempotency;
