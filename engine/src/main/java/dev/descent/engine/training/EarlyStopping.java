package dev.descent.engine.training;

import dev.descent.engine.spec.EarlyStoppingSpec;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.MetricSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The minibatch loop's early stopping ({@link EarlyStoppingSpec}): the best value of the watched metric, the epoch
 * (1-based, epochs completed) that reached it, the epochs since, and with {@code restoreBest} copies of that epoch's
 * parameters and updater state and its metrics. {@link #state} / {@link #restore} carry all of it through a
 * checkpoint ({@value #ENTRY}) bit-identically. Off (a null spec), it does nothing.
 */
final class EarlyStopping {
  static final String ENTRY = "descent-early-stopping.bin";

  private final EarlyStoppingSpec spec;
  private double best = Double.NaN;
  private int bestEpoch;
  private int waited;
  private INDArray bestParams;
  private INDArray bestUpdater;
  private Map<String, Double> bestMetrics = Map.of();

  EarlyStopping(EarlyStoppingSpec spec) {
    this.spec = spec;
  }

  boolean active() {
    return spec != null;
  }

  /** Whether the run has waited {@code patience} epochs without improvement. */
  boolean stopped() {
    return spec != null && waited >= spec.patience();
  }

  /** Takes the metrics of the epoch that just ended ({@code epoch} epochs completed). */
  void observe(int epoch, Map<String, Double> metrics, MultiLayerNetwork network) {
    if (spec == null) {
      return;
    }
    double value = metrics.getOrDefault(spec.metric(), Double.NaN);
    if (!spec.improves(value, best)) {
      waited++;
      return;
    }
    best = value;
    bestEpoch = epoch;
    waited = 0;
    if (spec.restoreBest()) {
      bestParams = network.params().dup();
      Updater updater = network.getUpdater(false);
      INDArray state = updater == null ? null : updater.getStateViewArray();
      bestUpdater = state == null ? null : state.dup();
      bestMetrics = Map.copyOf(metrics);
    }
  }

  /**
   * The final metrics of a stopped run, with {@code stopped_early} 1, {@code stopped_epoch} and {@code best_epoch};
   * with {@code restoreBest} the best epoch's metrics, whose parameters and updater state it writes into
   * {@code network}. Records the three as points at the network's last step too.
   */
  Map<String, Double> finish(Map<String, Double> last, MultiLayerNetwork network, MetricSink sink) {
    int stoppedEpoch = network.getEpochCount();
    Map<String, Double> metrics = new LinkedHashMap<>(last);
    if (spec.restoreBest() && bestParams != null) {
      network.setParams(bestParams.dup());
      if (bestUpdater != null && bestUpdater.length() == network.getUpdater().getStateViewArray().length()) {
        network.getUpdater().getStateViewArray().assign(bestUpdater); // a later phase's optimizer may differ
      }
      metrics = new LinkedHashMap<>(bestMetrics);
    }
    metrics.put("stopped_early", 1.0);
    metrics.put("stopped_epoch", (double) stoppedEpoch);
    metrics.put("best_epoch", (double) bestEpoch);
    for (String name : List.of("stopped_early", "stopped_epoch", "best_epoch")) {
      sink.record(new MetricPoint(name, network.getIterationCount(), stoppedEpoch, metrics.get(name)));
    }
    return metrics;
  }

  /** Restores the state from a checkpoint's content, if it has it. */
  void restoreFrom(byte[] content) {
    byte[] state = active() ? CheckpointZip.entry(content, ENTRY) : null;
    if (state != null) {
      restore(state);
    }
  }

  /** {@code zip} with the state as entry {@value #ENTRY} when active, else {@code zip} as it is. */
  byte[] withState(byte[] zip) {
    return active() ? CheckpointZip.withEntries(zip, Map.of(ENTRY, state())) : zip;
  }

  /** The whole state, for a checkpoint entry. */
  byte[] state() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeDouble(best);
      out.writeInt(bestEpoch);
      out.writeInt(waited);
      out.writeInt(bestMetrics.size());
      for (Map.Entry<String, Double> metric : new TreeMap<>(bestMetrics).entrySet()) {
        out.writeUTF(metric.getKey());
        out.writeDouble(metric.getValue());
      }
      writeArray(out, bestParams);
      writeArray(out, bestUpdater);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Restores what {@link #state} wrote. */
  void restore(byte[] state) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
      best = in.readDouble();
      bestEpoch = in.readInt();
      waited = in.readInt();
      Map<String, Double> metrics = new LinkedHashMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        metrics.put(in.readUTF(), in.readDouble());
      }
      bestMetrics = Map.copyOf(metrics);
      bestParams = readArray(in);
      bestUpdater = readArray(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeArray(DataOutputStream out, INDArray array) throws IOException {
    out.writeBoolean(array != null);
    if (array != null) {
      Nd4j.write(array, out);
    }
  }

  private static INDArray readArray(DataInputStream in) throws IOException {
    return in.readBoolean() ? Nd4j.read(in) : null;
  }
}
