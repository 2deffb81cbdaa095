package dev.descent.api.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: an embedded PostgreSQL (zonky) whose files live under {@code descent.db.data-dir}, so a
 * restarted service finds its jobs. Stands aside when {@code spring.datasource.url} points to an external database or
 * {@code descent.db.embedded=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${descent.db.embedded:true} and '${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(DescentProperties properties) throws IOException {
    var db = properties.db();
    Files.createDirectories(db.dataDir());
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(db.dataDir().toAbsolutePath())
            .setCleanDataDirectory(false);
    if (db.port() > 0) {
      builder.setPort(db.port());
    }
    EmbeddedPostgres postgres = builder.start();
    log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), db.dataDir().toAbsolutePath());
    return postgres;
  }

  @Bean
  DataSource dataSource(EmbeddedPostgres postgres, DescentProperties properties) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource.setUsername("postgres");
    dataSource.setMaximumPoolSize(properties.workers().effectivePoolSize() * 2 + 6);
    return dataSource;
  }
}
