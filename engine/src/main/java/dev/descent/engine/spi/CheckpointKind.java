package dev.descent.engine.spi;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kinds of checkpoints the engine writes. Each is stored and shown under its wire name ({@code periodic},
 * {@code final}, {@code polyak-arith}, {@code polyak-ema}, {@code rule}), which never changes: rows in the database
 * carry it. A run with several averages of one type numbers the further ones ({@code polyak-ema-2},
 * {@code polyak-ema-3}, …).
 */
public enum CheckpointKind {
  /** The live training state at a checkpoint interval (or when the run is drained or cancelled). */
  PERIODIC("periodic", false),
  /** The live training state at the end of training. */
  FINAL("final", false),
  /** An arithmetic Polyak average of the parameters: a model, not a state to continue from. */
  POLYAK_ARITH("polyak-arith", true),
  /** An exponential moving average of the parameters: a model, not a state to continue from. */
  POLYAK_EMA("polyak-ema", true),
  /** The live training state where a rule with action {@code checkpoint} fired. */
  RULE("rule", false);

  private static final Pattern NUMBERED = Pattern.compile("(.+)-([2-9]|[1-9][0-9]+)");

  private final String wireName;
  /** A Polyak average: a model rather than a training state, numbered when a run keeps several of one type. */
  private final boolean average;

  CheckpointKind(String wireName, boolean average) {
    this.wireName = wireName;
    this.average = average;
  }

  /** The name the kind is stored and shown under. */
  public String wireName() {
    return wireName;
  }

  /** True when a checkpoint of this kind holds the live training state, so a job can continue from it. */
  public boolean resumable() {
    return !average;
  }

  /** The wire name of the {@code n}-th (from 1) average of this kind in one run: numbered from the second on. */
  public String wireName(int n) {
    if (n < 1 || (n > 1 && !average)) {
      throw new IllegalArgumentException(this + " has no checkpoint number " + n);
    }
    return n == 1 ? wireName : wireName + "-" + n;
  }

  /** The kind a stored name stands for (numbered averages included); empty for a name the engine never writes. */
  public static Optional<CheckpointKind> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    var numbered = NUMBERED.matcher(name);
    String base = numbered.matches() ? numbered.group(1) : name;
    for (CheckpointKind kind : values()) {
      if (kind.wireName.equals(base) && (base.equals(name) || kind.average)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
