package dev.descent.engine.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.engine.spec.RuleSpec;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.MetricSink;
import dev.descent.engine.spi.RuleFiring;
import dev.descent.engine.spi.RuleSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job's rules as a {@link MetricSink} in front of the job's own: every point goes on to {@code next}, then each rule
 * watching its series ({@link RuleTracker}) takes it, a map look-up per point. A firing is reported to the
 * {@link RuleSink}; a {@code checkpoint} action is kept for the loop ({@link #takeCheckpoint}), and the first
 * {@code stop}, {@code fail} or {@code pause} becomes {@link #halt}, which the loop acts on after the update. The
 * trackers' state goes into checkpoints as entry {@value #ENTRY} ({@link #state} / {@link #restore}); a rule whose
 * JSON changed (a resumed job's new spec) starts fresh. A state taken for a {@code pause} also holds that firing
 * ({@link #pendingPause}): its tracker is disarmed in it, so a job whose worker was lost after that checkpoint but
 * before the job was paused would otherwise continue past the pause.
 */
public final class Rules implements MetricSink {
  public static final String ENTRY = "descent-rules.bin";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MetricSink next;
  private final RuleSink events;
  private final List<RuleTracker> trackers = new ArrayList<>();
  private final Map<String, List<RuleTracker>> byMetric = new HashMap<>();
  private boolean checkpointAsked;
  private RuleFiring halt;

  public Rules(List<RuleSpec> rules, MetricSink next, RuleSink events) {
    this.next = next;
    this.events = events;
    for (int i = 0; i < rules.size(); i++) {
      RuleTracker tracker = new RuleTracker(i, rules.get(i), json(rules.get(i)));
      trackers.add(tracker);
      byMetric.computeIfAbsent(rules.get(i).when().metric(), m -> new ArrayList<>()).add(tracker);
    }
  }

  /** Whether the job has rules (their state then goes into checkpoints). */
  public boolean active() {
    return !trackers.isEmpty();
  }

  @Override
  public void record(MetricPoint point) {
    next.record(point);
    List<RuleTracker> watching = byMetric.get(point.name());
    if (watching == null) {
      return;
    }
    for (RuleTracker tracker : watching) {
      if (tracker.observe(point.value())) {
        RuleFiring firing = tracker.firing(point);
        events.fired(firing);
        checkpointAsked |= RuleSpec.CHECKPOINT.equals(firing.action());
        halt = halt == null && tracker.spec.halts() ? firing : halt;
      }
    }
  }

  @Override
  public void flush() {
    next.flush();
  }

  /** Whether a {@code checkpoint} rule fired since the last call. */
  public boolean takeCheckpoint() {
    boolean asked = checkpointAsked;
    checkpointAsked = false;
    return asked;
  }

  /** The first firing that ends the run (stop, fail, pause), or null. */
  public RuleFiring halt() {
    return halt;
  }

  /** Every tracker's state, for a checkpoint entry. */
  public byte[] state() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(trackers.size());
      for (RuleTracker t : trackers) {
        out.writeUTF(t.json);
        out.writeLong(t.count);
        out.writeBoolean(t.armed);
        out.writeDouble(t.best);
      }
      boolean pausing = halt != null && RuleSpec.PAUSE.equals(halt.action());
      out.writeBoolean(pausing);
      if (pausing) {
        out.writeLong(halt.step());
        out.writeUTF(halt.detailJson());
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Restores what {@link #state} wrote, rule by rule where the rule at that index is still the same. */
  public void restore(byte[] state) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
      for (int i = 0, n = in.readInt(); i < n; i++) {
        String json = in.readUTF();
        long count = in.readLong();
        boolean armed = in.readBoolean();
        double best = in.readDouble();
        if (i < trackers.size() && trackers.get(i).json.equals(json)) {
          RuleTracker t = trackers.get(i);
          t.count = count;
          t.armed = armed;
          t.best = best;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The pause a state from {@link #state} was taken for: the step and the firing's detail JSON
   * ({@link RuleFiring#detailJson}); empty when no pause rule had fired (and for states written before pauses were
   * kept).
   */
  public static Optional<PendingPause> pendingPause(byte[] state) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
      for (int i = 0, n = in.readInt(); i < n; i++) {
        in.readUTF();
        in.readLong();
        in.readBoolean();
        in.readDouble();
      }
      if (in.available() == 0 || !in.readBoolean()) {
        return Optional.empty();
      }
      return Optional.of(new PendingPause(in.readLong(), in.readUTF()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A pause rule's firing kept in a checkpoint: where it fired, and its detail JSON. */
  public record PendingPause(long step, String detailJson) {}

  private static String json(RuleSpec rule) {
    try {
      return JSON.writeValueAsString(rule);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a rule record always serializes", e);
    }
  }
}
