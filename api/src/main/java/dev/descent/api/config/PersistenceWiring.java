package dev.descent.api.config;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Brings persistence's services (job service and queue, metric and checkpoint stores) into the app. Test classes of
 * that module (on the test classpath through its test-jar) are kept out.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(
    basePackages = "dev.descent.persistence",
    excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests?(\\$.*)?"))
class PersistenceWiring {}
