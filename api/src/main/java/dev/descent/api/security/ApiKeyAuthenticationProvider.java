package dev.descent.api.security;

import dev.descent.persistence.tenant.ApiKeyRecord;
import dev.descent.persistence.tenant.ApiKeyStore;
import java.time.Clock;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Authenticates a bearer token as an API key: looked up by its prefix (one primary-key read, so that a revocation on
 * any instance counts at once), its hash compared in constant time, then refused when revoked or expired.
 */
@Component
class ApiKeyAuthenticationProvider implements AuthenticationProvider {
  private final ApiKeyStore keys;
  private final Clock clock;

  ApiKeyAuthenticationProvider(ApiKeyStore keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String token = ((BearerTokenAuthenticationToken) authentication).getToken();
    String hash = ApiKeys.hash(token);
    ApiKeyRecord key = keys.find(ApiKeys.prefixOf(token, hash)).filter(k -> ApiKeys.sameHash(k.hash(), hash))
        .orElseThrow(() -> new InvalidBearerTokenException("unknown API key"));
    if (key.revokedAt() != null) {
      throw new InvalidBearerTokenException("the API key " + key.prefix() + " was revoked");
    }
    if (!key.activeAt(clock.instant())) {
      throw new InvalidBearerTokenException("the API key " + key.prefix() + " has expired");
    }
    return new CallerAuthentication(new Caller(key.prefix(), key.tenantId(), key.admin()));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
