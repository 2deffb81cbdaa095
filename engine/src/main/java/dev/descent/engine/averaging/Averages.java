package dev.descent.engine.averaging;

import dev.descent.engine.spec.AveragingSpec;
import dev.descent.engine.spi.CheckpointKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Polyak averages of one run. Kinds are {@code polyak-arith} and {@code polyak-ema}, with {@code -2}, {@code -3},
 * … for further averages of the same type. {@link #withSwapped} evaluates or saves an average by copying it into the
 * network's parameters and copying the live parameters back afterwards; {@link #state} and {@link #restore} carry
 * the averages through a checkpoint so that a resumed run continues them exactly.
 */
public final class Averages {
  private final List<PolyakAverage> averages;

  private Averages(List<PolyakAverage> averages) {
    this.averages = averages;
  }

  /** The averages {@code specs} describe, over parameters shaped like {@code parameters}. */
  public static Averages of(List<AveragingSpec> specs, INDArray parameters) {
    List<PolyakAverage> list = new ArrayList<>();
    Map<CheckpointKind, Integer> seen = new EnumMap<>(CheckpointKind.class);
    for (AveragingSpec spec : specs) {
      boolean ema = AveragingSpec.EMA.equals(spec.type());
      CheckpointKind base = ema ? CheckpointKind.POLYAK_EMA : CheckpointKind.POLYAK_ARITH;
      String kind = base.wireName(seen.merge(base, 1, Integer::sum));
      list.add(ema
          ? new ExponentialAverage(kind, spec.start(), spec.decay(), parameters)
          : new ArithmeticAverage(kind, spec.start(), parameters));
    }
    return new Averages(List.copyOf(list));
  }

  public List<PolyakAverage> averages() {
    return averages;
  }

  /** Folds the parameters after iteration {@code iteration} into every average. */
  public void update(INDArray parameters, long iteration) {
    for (PolyakAverage average : averages) {
      average.update(parameters, iteration);
    }
  }

  /**
   * For every average that has started, {@code action} applied to the network holding that average's parameters,
   * by kind; the network's own parameters are back in place afterwards.
   */
  public <T> Map<String, T> withSwapped(MultiLayerNetwork network, Function<MultiLayerNetwork, T> action) {
    Map<String, T> results = new LinkedHashMap<>();
    if (averages.isEmpty()) {
      return results;
    }
    INDArray live = network.params().dup();
    try {
      for (PolyakAverage average : averages) {
        if (average.count() > 0) {
          network.params().assign(average.average());
          results.put(average.kind(), action.apply(network));
        }
      }
    } finally {
      network.params().assign(live);
    }
    return results;
  }

  /** The averages' counts and values, for a checkpoint. */
  public byte[] state() {
    return io(() -> {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(averages.size());
      for (PolyakAverage average : averages) {
        out.writeLong(average.count());
        Nd4j.write(average.average(), out);
      }
      out.flush();
      return bytes.toByteArray();
    });
  }

  /** Restores what {@link #state} wrote for the same averaging spec. */
  public void restore(byte[] state) {
    io(() -> {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
      if (in.readInt() != averages.size()) {
        throw new IllegalArgumentException("the checkpoint holds a different number of Polyak averages");
      }
      for (PolyakAverage average : averages) {
        average.restore(in.readLong(), Nd4j.read(in));
      }
      return null;
    });
  }

  private static <T> T io(IoAction<T> action) {
    try {
      return action.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot (de)serialize the Polyak averages", e);
    }
  }

  private interface IoAction<T> {
    T run() throws IOException;
  }
}
