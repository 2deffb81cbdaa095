package dev.descent.engine.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code /proc/cpuinfo} says of the first processor: vendor, model name, family, model and the instruction-set
 * flags. Outside Linux (or when the file cannot be read) every field is empty, and nothing is chosen from it.
 */
public record CpuInfo(String vendor, String modelName, int family, int model, Set<String> flags) {
  static final Path PROC_CPUINFO = Path.of("/proc/cpuinfo");

  /** The AVX-512 subsets libnd4j's and OpenBLAS's AVX-512 code paths use. */
  static final List<String> AVX512 = List.of("avx512f", "avx512bw", "avx512dq", "avx512vl");
  static final List<String> AVX2 = List.of("avx2", "fma");

  public static CpuInfo current() {
    try {
      return parse(Files.readAllLines(PROC_CPUINFO));
    } catch (IOException | RuntimeException e) {
      return new CpuInfo("", "", -1, -1, Set.of());
    }
  }

  /** Parses the lines of {@code /proc/cpuinfo}, up to the end of the first processor's block. */
  static CpuInfo parse(List<String> lines) {
    String vendor = "";
    String name = "";
    int family = -1;
    int model = -1;
    Set<String> flags = Set.of();
    for (String line : lines) {
      if (line.isBlank() && !flags.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      switch (key) {
        case "vendor_id" -> vendor = value;
        case "model name" -> name = value;
        case "cpu family" -> family = Integer.parseInt(value);
        case "model" -> model = Integer.parseInt(value);
        case "flags" -> flags = Arrays.stream(value.split("\\s+")).collect(Collectors.toUnmodifiableSet());
        default -> { }
      }
    }
    return new CpuInfo(vendor, name, family, model, flags);
  }

  public boolean hasAll(List<String> required) {
    return flags.containsAll(required);
  }

  public boolean isIntel() {
    return "GenuineIntel".equals(vendor);
  }

  public boolean isAmd() {
    return "AuthenticAMD".equals(vendor);
  }

  /** One line for logs and benchmark output. */
  public String describe() {
    String isa = hasAll(AVX512) ? "AVX-512" : hasAll(AVX2) ? "AVX2" : "SSE";
    return "%s (%s family %d model %d, %s)".formatted(modelName, vendor, family, model, isa);
  }
}
