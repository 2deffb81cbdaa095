package dev.descent.engine.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A network as a DL4J model zip ({@link ModelSerializer}), with its updater state, so that
 * {@code ModelSerializer.restoreMultiLayerNetwork} in a user's own code gives the same predictions and a resumed run
 * continues with the same optimizer state. The configuration inside holds the iteration and epoch counts.
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
}
