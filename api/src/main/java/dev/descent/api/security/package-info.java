/** Authentication and tenancy: API keys, tenants, the current {@link dev.descent.api.security.Caller}. */
package dev.descent.api.security;
