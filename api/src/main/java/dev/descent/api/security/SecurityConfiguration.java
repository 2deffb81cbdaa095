package dev.descent.api.security;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The one security filter chain: every request needs {@code Authorization: Bearer <key>} (the resource server's
 * {@code BearerTokenAuthenticationFilter}, keys checked by {@link ApiKeyAuthenticationProvider}) except health and the
 * dashboard's static files; {@code /actuator/**} and tenant management need an admin key. Stateless: no session, no
 * cookie, so no CSRF token. Security headers for the dashboard (no inline script). See docs/security.md.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  @Bean
  AuthenticationManager apiKeyAuthentication(ApiKeyAuthenticationProvider keys) {
    return new ProviderManager(keys);
  }

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager keys, SecurityProblems problems)
      throws Exception {
    http.csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
            .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
            .frameOptions(f -> f.deny()))
        .authorizeHttpRequests(a -> a
            .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
            .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers(HttpMethod.GET, "/", "/index.html", "/css/**", "/js/**", "/webjars/**",
                "/favicon.ico").permitAll()
            .requestMatchers("/actuator/**", "/api/v1/tenants", "/api/v1/tenants/**").hasRole("ADMIN")
            .anyRequest().authenticated())
        .oauth2ResourceServer(o -> o.authenticationManagerResolver(request -> keys)
            .authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    return http.build();
  }
}
