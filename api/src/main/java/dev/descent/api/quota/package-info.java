/** Per-tenant quotas: service defaults ({@code descent.quotas.*}), checks before storing, the quota problems. */
package dev.descent.api.quota;
