/**
 * Checkpoints: model snapshots (DL4J zips, opaque bytes here) stored as {@code bytea} with their size and SHA-256.
 * {@link dev.descent.persistence.checkpoint.CheckpointStore} saves, lists (metadata only), reads, deletes and prunes
 * them.
 */
package dev.descent.persistence.checkpoint;
