/**
 * The base of this module's Spring tests ({@link dev.descent.persistence.PostgresIntegrationTest}): one cached
 * context with a minimal test application over the shared real PostgreSQL.
 */
package dev.descent.persistence;
