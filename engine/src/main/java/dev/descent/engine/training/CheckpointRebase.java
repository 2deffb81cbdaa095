package dev.descent.engine.training;

import dev.descent.engine.data.TrainingData;
import dev.descent.engine.model.NetworkFactory;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.validation.SpecException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A checkpoint carried over to a changed spec ("continue training with a lower rate"): the network configuration —
 * optimizer hyperparameters, schedule, weight decay — is rebuilt from the new spec, while the parameters, the
 * optimizer state, the iteration and epoch counters and every other entry of the checkpoint (data position, Polyak
 * averages) are kept. The optimizer type must stay the same, since its state is kept; a stateful schedule starts
 * afresh.
 */
public final class CheckpointRebase {
  static final String CONFIGURATION = "configuration.json";

  private CheckpointRebase() {}

  public static byte[] withSpec(byte[] checkpoint, TrainingSpec spec) {
    MultiLayerNetwork old = NetworkSnapshots.read(checkpoint);
    TrainingData data = TrainingData.prepare(spec.dataset(), spec.seed());
    int iterationsPerEpoch = (data.train().size() + spec.batchSize() - 1) / spec.batchSize();
    MultiLayerConfiguration configuration = NetworkFactory.configuration(spec, iterationsPerEpoch);
    MultiLayerNetwork fresh = new MultiLayerNetwork(configuration);
    fresh.init();
    if (fresh.numParams() != old.numParams() || stateLength(fresh) != stateLength(old)) {
      throw new SpecException("/changes/optimizer",
          "must keep the model and the optimizer type of the checkpoint (its state is carried over)");
    }
    configuration.setIterationCount(old.getLayerWiseConfigurations().getIterationCount());
    configuration.setEpochCount(old.getLayerWiseConfigurations().getEpochCount());
    return replaceConfiguration(checkpoint, configuration.toJson());
  }

  private static long stateLength(MultiLayerNetwork network) {
    return network.getUpdater() == null || network.getUpdater().getStateViewArray() == null
        ? 0 : network.getUpdater().getStateViewArray().length();
  }

  private static byte[] replaceConfiguration(byte[] zip, String json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + json.length());
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream rewritten = new ZipOutputStream(out)) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        rewritten.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals(CONFIGURATION)) {
          rewritten.write(json.getBytes(StandardCharsets.UTF_8));
        } else {
          in.transferTo(rewritten);
        }
        rewritten.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite checkpoint", e);
    }
    return out.toByteArray();
  }
}
