package dev.descent.api;

import dev.descent.engine.platform.NativeSetup;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The composition root: serves the REST API and the dashboard, runs the queue workers, and wires the engine to
 * persistence. Persistence's entities and repositories live in {@code dev.descent.persistence}, registered here.
 * The native platform (libnd4j build and OpenBLAS kernel for this CPU) is chosen first, before anything loads ND4J.
 */
@SpringBootApplication
@AutoConfigurationPackage(basePackages = {"dev.descent.api", "dev.descent.persistence"})
@ConfigurationPropertiesScan
public class DescentApplication {
  public static void main(String[] args) {
    NativeSetup.ensure();
    OrderlyShutdown.install(SpringApplication.run(DescentApplication.class, args));
  }
}
