/**
 * The audit trail in PostgreSQL: {@link dev.descent.persistence.audit.AuditLog} appends to and reads
 * {@code audit_event}.
 */
package dev.descent.persistence.audit;
