package dev.descent.api.support;

import dev.descent.persistence.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of its own on the test JVM's one PostgreSQL, created empty: for a test whose application context must not
 * share its queue with the other contexts alive in the same JVM (whose workers would claim its jobs).
 */
public final class IsolatedDatabase {
  private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(.*)");

  private IsolatedDatabase() {}

  /** Creates (or re-creates) database {@code name} and points {@code spring.datasource.*} at it. */
  public static void register(DynamicPropertyRegistry registry, String name) {
    PostgresTestDatabase database = PostgresTestDatabase.get();
    Matcher url = URL.matcher(database.jdbcUrl());
    if (!url.matches()) {
      throw new IllegalStateException("unexpected JDBC URL " + database.jdbcUrl());
    }
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    String isolated = url.group(1) + name + url.group(3);
    registry.add("spring.datasource.url", () -> isolated);
    registry.add("spring.datasource.username", database::username);
    registry.add("spring.datasource.password", database::password);
  }
}
