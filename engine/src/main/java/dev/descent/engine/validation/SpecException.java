package dev.descent.engine.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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

  /**
   * What {@code reading} gives when it reads into a fresh violation list; throws with the violations when it found
   * any (or gave null).
   */
  public static <T> T orThrow(Function<List<Violation>, T> reading) {
    List<Violation> violations = new ArrayList<>();
    T out = reading.apply(violations);
    if (!violations.isEmpty() || out == null) {
      throw new SpecException(violations);
    }
    return out;
  }

  public List<Violation> violations() {
    return violations;
  }
}
