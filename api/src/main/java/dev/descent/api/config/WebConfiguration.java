package dev.descent.api.config;

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
  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> etags() {
    FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
        new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
    registration.addUrlPatterns("/api/v1/jobs", "/api/v1/jobs/*");
    return registration;
  }
}
