package dev.descent.persistence;

import dev.descent.persistence.testing.PostgresTestDatabase;
import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the Spring tests: the persistence beans over the shared real PostgreSQL, schema by Flyway, entity mappings
 * validated against it. Every subclass shares one cached context.
 */
@SpringBootTest(
    classes = PostgresIntegrationTest.TestApplication.class,
    properties = {"spring.jpa.hibernate.ddl-auto=validate", "spring.jpa.open-in-view=false"})
public abstract class PostgresIntegrationTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.registerDataSource(registry);
  }

  /** The minimal application: this module's beans and Boot's JDBC, JPA and Flyway auto-configuration. */
  @SpringBootApplication
  static class TestApplication {

    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }
}
