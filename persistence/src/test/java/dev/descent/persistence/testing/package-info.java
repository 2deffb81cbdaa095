/**
 * Test support shared with the {@code api} module through this module's test-jar: one real PostgreSQL per JVM
 * ({@link dev.descent.persistence.testing.PostgresTestDatabase}).
 */
package dev.descent.persistence.testing;
