/**
 * Tenants and their API keys (docs/security.md): keys stored only as a hash under their visible prefix, with an
 * optional expiry and a revocation time. Plain SQL; no authentication logic here (that is the api module's).
 */
package dev.descent.persistence.tenant;
