package dev.descent.engine.support;

import dev.descent.engine.validation.Violation;
import java.util.List;

/** What a validation test compares: the JSON pointers of the violations, in order. */
public final class Pointers {
  private Pointers() {}

  public static List<String> pointers(List<Violation> violations) {
    return violations.stream().map(Violation::pointer).toList();
  }
}
