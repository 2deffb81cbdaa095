package dev.descent.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT close the application context first and only then exit. Left to the JVM, a signal starts every
 * shutdown hook at once, and zonky's own hook would stop the embedded PostgreSQL while the workers still drain their
 * jobs into it; here the context closes in order (SSE streams completed, jobs drained and re-queued, web server, data
 * source, database last), then {@link System#exit} runs the hooks, which find nothing left to do. A watchdog halts
 * the JVM if closing takes longer than {@link #LIMIT_MS} ms, so the process always exits within 30 s of the signal.
 */
final class OrderlyShutdown {
  private static final Logger log = LoggerFactory.getLogger(OrderlyShutdown.class);
  static final long LIMIT_MS = 27_000;

  private OrderlyShutdown() {}

  static void install(ConfigurableApplicationContext context) {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(new Signal(name), signal -> close(context, signal));
      } catch (IllegalArgumentException e) { // -Xrs: the JVM's own handling stays
        log.warn("Cannot handle SIG{}; a stop by it runs the shutdown hooks unordered: {}", name, e.getMessage());
      }
    }
  }

  private static void close(ConfigurableApplicationContext context, Signal signal) {
    log.info("SIG{} received: draining and stopping", signal.getName());
    int status = 128 + signal.getNumber();
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(LIMIT_MS);
        log.error("Shutdown took longer than {} ms; halting", LIMIT_MS);
        Runtime.getRuntime().halt(status);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "descent-shutdown-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    try {
      context.close();
    } finally {
      System.exit(status);
    }
  }
}
