/**
 * Helpers shared by the job, metric, checkpoint and study packages: how a {@code Map<String, Double>} of metric values
 * is passed to PostgreSQL as arrays, stored as {@code jsonb}, and read back; {@link
 * dev.descent.persistence.support.Visibility}, the one SQL rule of which tenant's rows a read returns.
 */
package dev.descent.persistence.support;
