package dev.descent.api.config;

import dev.descent.engine.NativeThreads;
import dev.descent.engine.TrainingEngine;
import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.diagnostics.GradientCheck;
import dev.descent.engine.diagnostics.GradientCheckLimits;
import dev.descent.engine.platform.NativeSetup;
import dev.descent.engine.playground.FullBatchMethods;
import dev.descent.engine.playground.Playground;
import dev.descent.engine.spec.EngineLimits;
import java.io.IOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine as the app uses it: one native (OpenMP/BLAS) thread per training job, set programmatically so that
 * {@code java -jar} needs no environment variables, and the spec limits from {@code descent.limits.*}.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {
  private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

  @Bean
  TrainingEngine trainingEngine(DescentProperties properties, DataFolder dataFolder) {
    var platform = NativeSetup.ensure();
    NativeThreads.configure(properties.workers().nativeThreads());
    log.info("Native platform in use: {}", platform.describeLoaded());
    log.info("ND4J native threads per job: OpenMP {}, BLAS {}", NativeThreads.configured(),
        NativeThreads.blasThreads());
    return new TrainingEngine(dataFolder);
  }

  /** The folder job specs read user data from: {@code descent.datasets.dir} unless the JVM or environment name one. */
  @Bean
  DataFolder dataFolder(DescentProperties properties) throws IOException {
    DataFolder folder = DataFolder.configured(properties.datasets().dir());
    Files.createDirectories(folder.location());
    log.info("User datasets folder: {}", folder.location());
    return folder;
  }

  @Bean
  Playground playground() {
    return new Playground(FullBatchMethods.factories());
  }

  @Bean
  GradientCheck gradientCheck(DescentProperties properties, DataFolder dataFolder) {
    var l = properties.limits();
    var g = l.gradientCheck();
    return new GradientCheck(new GradientCheckLimits(g.maxParameters(), g.maxRows(), g.maxSamples(), g.maxEntries(),
        l.maxLayers()), dataFolder);
  }

  @Bean
  EngineLimits engineLimits(DescentProperties properties, DataFolder dataFolder) {
    var l = properties.limits();
    return new EngineLimits(l.maxEpochs(), l.maxParameters(), l.maxLayers(), l.maxBatchSize(), dataFolder);
  }
}
