package dev.descent.api.worker;

import dev.descent.api.job.JobApplicationService;
import dev.descent.api.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * What a test of one {@code descent.roles} setting reaches: the context (which beans the roles made), the job service
 * and the instance over HTTP. Each subclass starts its own context, with its roles and its own database.
 */
abstract class RoleContextTest {
  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JobApplicationService jobs;

  Http http() {
    return new Http("http://localhost:" + port);
  }
}
