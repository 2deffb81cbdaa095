package dev.descent.api.config;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Cheap polling: job and job-list reads carry an {@code ETag} (a hash of the body), and a client that sends it back
 * in {@code If-None-Match} gets {@code 304 Not Modified} with no body.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {
  /** The job list and single jobs; not event streams or checkpoint downloads, which must not be buffered. */
  static final Pattern JOB_READS = Pattern.compile("/api/v1/jobs(/[0-9a-fA-F-]{36})?");

  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> etags() {
    ShallowEtagHeaderFilter filter =
        new ShallowEtagHeaderFilter() {
          @Override
          protected boolean shouldNotFilter(HttpServletRequest request) {
            return !JOB_READS.matcher(request.getRequestURI()).matches();
          }
        };
    FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/api/v1/jobs", "/api/v1/jobs/*");
    return registration;
  }
}
