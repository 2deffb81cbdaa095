package dev.descent.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void embeddedPostgresStarts() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        var c = pg.getPostgresDatabase().getConnection();
        var rs = c.createStatement().executeQuery("select 1")) {
      assertThat(rs.next()).isTrue();
    }
  }
}
