package dev.descent.engine.spec;

import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.util.List;

/** The pointers of the violations a spec reading throws; empty when it reads. */
final class SpecPointers {
  private SpecPointers() {}

  static List<String> of(Runnable reading) {
    try {
      reading.run();
      return List.of();
    } catch (SpecException e) {
      return e.violations().stream().map(Violation::pointer).toList();
    }
  }
}
