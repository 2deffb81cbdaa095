package dev.descent.api.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command of the repository (a script, a Python test) and keeps its output in a log under target/. */
public final class ExternalCommand {
  private ExternalCommand() {}

  public record Result(int exitCode, String output) {}

  public static Result run(List<String> command, Map<String, String> environment, Path log, Duration timeout)
      throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("..").toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Result(-1, Files.readString(log) + "\n[timed out after " + timeout + "]");
    }
    return new Result(process.exitValue(), Files.readString(log));
  }
}
