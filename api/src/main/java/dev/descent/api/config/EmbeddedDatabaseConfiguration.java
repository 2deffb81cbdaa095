package dev.descent.api.config;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: an embedded PostgreSQL ({@link EmbeddedDatabase}) whose files live under {@code
 * descent.db.data-dir}, so a restarted service finds its jobs. Stands aside when {@code spring.datasource.url} points
 * to an external database or {@code descent.db.embedded=false}. The data source is destroyed before the database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${descent.db.embedded:true} and '${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedDatabase embeddedDatabase(DescentProperties properties) throws IOException {
    return EmbeddedDatabase.start(properties.db());
  }

  @Bean
  DataSource dataSource(EmbeddedDatabase database, DescentProperties properties) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(database.jdbcUrl());
    dataSource.setUsername("postgres");
    dataSource.setMaximumPoolSize(properties.workers().effectivePoolSize() * 2 + 6);
    return dataSource;
  }
}
