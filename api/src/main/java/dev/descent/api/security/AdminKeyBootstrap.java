package dev.descent.api.security;

import dev.descent.api.config.DescentProperties;
import dev.descent.persistence.tenant.ApiKeyStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Makes sure an admin key exists at start. A configured one ({@code descent.security.admin-key}) is registered (its
 * hash upserted). Otherwise the key in the admin key file is registered again; with no file and no admin key in the
 * database, a new key is created and written to the file (mode 0600), under a database lock so that instances starting
 * together make one. A key read or made here is logged as a dashboard link that signs the browser in, like Jupyter's.
 * A worker-only instance (no dashboard) makes no key file: it registers a configured key, if any, and otherwise uses
 * the keys the API instances registered in the shared database.
 */
@Component
class AdminKeyBootstrap implements InitializingBean, ApplicationListener<WebServerInitializedEvent> {
  private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);
  private final SecuritySettings settings;
  private final ApiKeyStore keys;
  private final Clock clock;
  private final boolean servesApi;
  private String signInKey;

  AdminKeyBootstrap(SecuritySettings settings, ApiKeyStore keys, Clock clock, DescentProperties properties) {
    this.settings = settings;
    this.keys = keys;
    this.clock = clock;
    this.servesApi = properties.servesApi();
  }

  @Override
  public void afterPropertiesSet() {
    if (settings.configured()) {
      String prefix = register(settings.adminKey().strip(), "descent.security.admin-key");
      log.info("Admin key {} registered from descent.security.admin-key", prefix);
    } else if (servesApi) {
      signInKey = keys.underBootstrapLock(this::fromFile);
    }
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (signInKey != null && event.getApplicationContext().getServerNamespace() == null) {
      log.info("Admin key in {}. Open the dashboard signed in: http://localhost:{}/#key={}",
          settings.adminKeyFile().toAbsolutePath(), event.getWebServer().getPort(), signInKey);
    }
  }

  private String fromFile() {
    Path file = settings.adminKeyFile();
    try {
      if (Files.exists(file)) {
        String key = Files.readString(file).strip();
        register(key, file.toString());
        return key;
      }
      if (keys.anyActiveAdmin(clock.instant())) {
        log.info("No {}, and the database holds an admin key already: use that key (docs/security.md)", file);
        return null;
      }
      ApiKeys.NewKey created = ApiKeys.generate();
      AdminKeyFile.write(file, created.key());
      keys.registerAdmin(created.prefix(), ApiKeys.hash(created.key()), clock.instant());
      log.info("Created admin key {} and wrote it to {}", created.prefix(), file.toAbsolutePath());
      return created.key();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the admin key file " + file.toAbsolutePath(), e);
    }
  }

  private String register(String key, String source) {
    if (key.length() < 16 || !ApiKeys.TOKEN.matcher(key).matches()) {
      throw new IllegalStateException("the admin key in " + source
          + " must have at least 16 characters of A-Z a-z 0-9 . _ ~ + / - (docs/security.md)");
    }
    String hash = ApiKeys.hash(key);
    String prefix = ApiKeys.prefixOf(key, hash);
    keys.registerAdmin(prefix, hash, clock.instant());
    return prefix;
  }
}
