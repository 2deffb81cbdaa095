package dev.descent.engine.validation;

import java.util.List;

/** A spec that cannot be trained; lists every violation found, each naming its field. */
public class SpecException extends RuntimeException {
  private final transient List<Violation> violations;

  public SpecException(List<Violation> violations) {
    super(violations.isEmpty() ? "invalid spec" : violations.get(0).pointer() + ": " + violations.get(0).message());
    this.violations = List.copyOf(violations);
  }

  public SpecException(String pointer, String message) {
    this(List.of(new Violation(pointer, message)));
  }

  public List<Violation> violations() {
    return violations;
  }
}
