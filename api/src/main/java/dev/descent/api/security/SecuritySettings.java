package dev.descent.api.security;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication settings, under {@code descent.security} (docs/security.md).
 *
 * @param adminKey an admin key to register at start ({@code DESCENT_ADMIN_KEY}); blank: the key in
 *     {@code adminKeyFile}, created on first start when the database holds no admin key
 * @param adminKeyFile where the service writes the admin key it creates (mode 0600), and reads it on later starts
 */
@ConfigurationProperties("descent.security")
public record SecuritySettings(
    @DefaultValue("") String adminKey, @DefaultValue("descent-data/admin.key") Path adminKeyFile) {

  /** Whether an admin key is configured. */
  public boolean configured() {
    return adminKey != null && !adminKey.isBlank();
  }
}
