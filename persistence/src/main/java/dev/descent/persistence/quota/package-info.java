/** Per-tenant quotas: the stored limits ({@code tenant.max_*}) and a tenant's current usage. */
package dev.descent.persistence.quota;
