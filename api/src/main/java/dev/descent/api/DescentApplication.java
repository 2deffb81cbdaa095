package dev.descent.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The composition root: serves the REST API and the dashboard, runs the queue workers, and wires the engine to
 * persistence. Persistence's entities and repositories live in {@code dev.descent.persistence}, registered here.
 */
@SpringBootApplication
@AutoConfigurationPackage(basePackages = {"dev.descent.api", "dev.descent.persistence"})
@ConfigurationPropertiesScan
public class DescentApplication {
  public static void main(String[] args) {
    OrderlyShutdown.install(SpringApplication.run(DescentApplication.class, args));
  }
}
