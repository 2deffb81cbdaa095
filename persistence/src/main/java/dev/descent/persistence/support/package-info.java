/**
 * Helpers shared by the job, metric and checkpoint packages: how a {@code Map<String, Double>} of metric values is
 * passed to PostgreSQL as arrays, stored as {@code jsonb}, and read back.
 */
package dev.descent.persistence.support;
