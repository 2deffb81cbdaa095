/**
 * The audit trail (docs/security.md "Audit"): {@link dev.descent.api.audit.AuditFilter} writes one row per mutating
 * call under {@code /api/v1} once its status is known; {@link dev.descent.api.audit.AuditTrail} reads them for admins.
 */
package dev.descent.api.audit;
