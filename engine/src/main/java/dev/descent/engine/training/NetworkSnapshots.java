package dev.descent.engine.training;

import dev.descent.engine.data.Preprocessing;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.CheckpointSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A network as a DL4J model zip ({@link ModelSerializer}), with its updater state, so that
 * {@code ModelSerializer.restoreMultiLayerNetwork} in a user's own code gives the same predictions and a resumed run
 * continues with the same optimizer state. The configuration inside holds the iteration and epoch counts. A training
 * job's checkpoints also carry its fitted input {@link Preprocessing} (entry {@value Preprocessing#ENTRY}).
 */
public final class NetworkSnapshots {
  private static final int INITIAL_BUFFER = 1 << 16;

  private NetworkSnapshots() {}

  public static byte[] write(MultiLayerNetwork network) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER);
    try {
      ModelSerializer.writeModel(network, out, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize the network", e);
    }
    return out.toByteArray();
  }

  public static MultiLayerNetwork read(byte[] content) {
    try {
      return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(content), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore the network from the checkpoint", e);
    }
  }

  /** A sink that adds {@code preprocessing} as an entry to every checkpoint before handing it to {@code sink}. */
  public static CheckpointSink withPreprocessing(CheckpointSink sink, Preprocessing preprocessing) {
    Map<String, byte[]> entry = Map.of(Preprocessing.ENTRY, preprocessing.bytes());
    return checkpoint -> sink.save(new Checkpoint(checkpoint.kind(), checkpoint.step(), checkpoint.epoch(),
        () -> CheckpointZip.withEntries(checkpoint.content(), entry), checkpoint.metrics()));
  }

  /** The preprocessing a checkpoint's content stores, or empty (a checkpoint written before it was stored). */
  public static Optional<Preprocessing> preprocessing(byte[] content) {
    return Optional.ofNullable(CheckpointZip.entry(content, Preprocessing.ENTRY)).map(Preprocessing::read);
  }
}
