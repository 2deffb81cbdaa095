/**
 * Checkpoints: model snapshots (DL4J zips, opaque bytes here) stored as PostgreSQL large objects, streamed in chunks
 * by {@link dev.descent.persistence.checkpoint.LargeObjectContent}, with their size and SHA-256.
 * {@link dev.descent.persistence.checkpoint.CheckpointStore} saves, lists (metadata only), reads, deletes and prunes
 * them, by last-K and best-K {@link dev.descent.persistence.checkpoint.Retention}; a trigger unlinks the large object
 * of every deleted row.
 */
package dev.descent.persistence.checkpoint;
