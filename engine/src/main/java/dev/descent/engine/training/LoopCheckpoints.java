package dev.descent.engine.training;

import dev.descent.engine.averaging.Averages;
import dev.descent.engine.rules.Rules;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.CheckpointKind;
import dev.descent.engine.spi.CheckpointSink;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The minibatch loop's checkpoints. Each is a DL4J model zip ({@link NetworkSnapshots}: parameters, updater state,
 * iteration and epoch counters, and the configuration JSON, which holds the state of stateful schedules such as
 * {@code plateau}) plus entries of ours: {@value #LOOP_ENTRY} (the sum of the current epoch's minibatch losses,
 * so that a mid-epoch resume reports the same {@code train_loss}) and {@value #AVERAGES_ENTRY} (the Polyak
 * averages), with early stopping {@value EarlyStopping#ENTRY} ({@link EarlyStopping#state}), with rules
 * {@value Rules#ENTRY} ({@link Rules#state}), and in a phase after the first {@value #PHASE_ENTRY} (the phase whose
 * optimizer the network has), with a curriculum {@value Curriculum#ENTRY} (its order). Next to a periodic
 * or final checkpoint, every started average is saved as a model zip of its own kind ({@code polyak-arith},
 * {@code polyak-ema}), carrying the average's metrics without their {@code @kind} suffix.
 */
final class LoopCheckpoints {
  static final String LOOP_ENTRY = "descent-loop.bin";
  static final String AVERAGES_ENTRY = "descent-averages.bin";
  static final String PHASE_ENTRY = "descent-phase.bin";

  private final CheckpointSink sink;
  private final MultiLayerNetwork network;
  private final Averages averages;
  private final EarlyStopping early;
  private final Rules rules;
  /** The iteration last saved; a loop starts either fresh or from a saved checkpoint. */
  private long lastSaved;
  /** The phase whose optimizer the network has (0 without phases). */
  private int phase;
  /** The curriculum's order ({@link Curriculum#state}), null without one. */
  private byte[] curriculum;

  LoopCheckpoints(CheckpointSink sink, MultiLayerNetwork network, Averages averages, EarlyStopping early,
      Rules rules) {
    this.sink = sink;
    this.network = network;
    this.averages = averages;
    this.early = early;
    this.rules = rules;
    this.lastSaved = network.getIterationCount();
  }

  /**
   * Restores the averages, the early-stopping state and the rules' state from a checkpoint's content; returns the
   * epoch's loss sum stored in it (0 if none).
   */
  static double restore(byte[] content, Averages averages, EarlyStopping early, Rules rules) {
    byte[] state = CheckpointZip.entry(content, AVERAGES_ENTRY);
    if (state != null && !averages.averages().isEmpty()) {
      averages.restore(state);
    }
    early.restoreFrom(content);
    restoreRules(content, rules);
    byte[] loop = CheckpointZip.entry(content, LOOP_ENTRY);
    return loop == null ? 0 : ByteBuffer.wrap(loop).getDouble();
  }

  /** The phase whose optimizer a checkpoint's network has: its {@value #PHASE_ENTRY}, 0 when it has none. */
  static int phase(byte[] content) {
    byte[] entry = CheckpointZip.entry(content, PHASE_ENTRY);
    return entry == null ? 0 : ByteBuffer.wrap(entry).getInt();
  }

  void phase(int phase) {
    this.phase = phase;
  }

  void curriculum(byte[] state) {
    this.curriculum = state;
  }

  /** Restores the rules' state from a checkpoint's content (either loop's), if it has it. */
  static void restoreRules(byte[] content, Rules rules) {
    byte[] state = rules.active() ? CheckpointZip.entry(content, Rules.ENTRY) : null;
    if (state != null) {
      rules.restore(state);
    }
  }

  /**
   * Hands the sink copies of the network (parameters, updater state, counters) and of the averages; the zips are
   * written when the sink asks for the content, on the sink's thread, so training pays only for the copies.
   */
  void save(CheckpointKind kind, double epochLossSum, Map<String, Double> metrics) {
    lastSaved = network.getIterationCount();
    Map<String, byte[]> entries = new LinkedHashMap<>(Map.of(
        LOOP_ENTRY, ByteBuffer.allocate(Double.BYTES).putDouble(epochLossSum).array(),
        AVERAGES_ENTRY, averages.state()));
    if (early.active()) {
      entries.put(EarlyStopping.ENTRY, early.state());
    }
    if (phase > 0) {
      entries.put(PHASE_ENTRY, ByteBuffer.allocate(Integer.BYTES).putInt(phase).array());
    }
    if (rules.active()) {
      entries.put(Rules.ENTRY, rules.state());
    }
    if (curriculum != null) {
      entries.put(Curriculum.ENTRY, curriculum);
    }
    MultiLayerNetwork copy = network.clone();
    sink.save(checkpoint(kind.wireName(), () -> CheckpointZip.withEntries(NetworkSnapshots.write(copy), entries),
        Map.copyOf(metrics)));
    averages.withSwapped(network, MultiLayerNetwork::clone).forEach((average, averaged) -> sink.save(
        checkpoint(average, () -> NetworkSnapshots.write(averaged), metricsOf(average, metrics))));
  }

  /** {@link #save}, unless this iteration is where the loop started or was saved already. */
  void saveIfNew(CheckpointKind kind, double epochLossSum, Map<String, Double> metrics) {
    if (network.getIterationCount() != lastSaved) {
      save(kind, epochLossSum, metrics);
    }
  }

  private Checkpoint checkpoint(String kind, Supplier<byte[]> content, Map<String, Double> metrics) {
    return new Checkpoint(kind, network.getIterationCount(), network.getEpochCount(), content, metrics);
  }

  private static Map<String, Double> metricsOf(String kind, Map<String, Double> metrics) {
    String suffix = "@" + kind;
    Map<String, Double> own = new LinkedHashMap<>();
    metrics.forEach((name, value) -> {
      if (name.endsWith(suffix)) {
        own.put(name.substring(0, name.length() - suffix.length()), value);
      }
    });
    return Map.copyOf(own);
  }
}
