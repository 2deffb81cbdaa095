package dev.descent.engine.training;

import dev.descent.engine.data.TrainingData;
import dev.descent.engine.model.NetworkFactory;
import dev.descent.engine.spec.FullyConnectedLayerSpec;
import dev.descent.engine.spec.LayerSpec;
import dev.descent.engine.spec.ModelSpec;
import dev.descent.engine.spec.OutputLayerSpec;
import dev.descent.engine.spec.PretrainingSpec;
import dev.descent.engine.spec.TrainingSpec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Greedy layer-wise supervised pretraining ({@link PretrainingSpec}; Bengio et al. 2007, Goodfellow et al. §8.7.4),
 * then the job's training. The job's network is built as usual (its seed, its data-dependent init); stage k = 1..H
 * trains a network of its first k hidden fully connected layers (with the dropout and norm layers that follow each)
 * under a temporary output layer like the model's, for {@code epochsPerLayer} epochs: a {@link TrainingLoop} over a
 * stage spec (seed = job seed + k, which is all the temporary layer's init depends on; no averaging, early stopping,
 * rules or diagnostics), starting from the job network's current layers, the earlier stages' layers frozen with
 * {@code freezeEarlier} ({@link WarmStart#freeze}). After each stage its hidden layers are copied back bit for bit and
 * its output layer discarded; after the last, the job's training runs over the job network with its own output layer,
 * all layers trainable.
 *
 * <p>Resume: a stage's checkpoints are its network plus the stage ({@value #ENTRY}); a run resumed from one continues
 * that stage's loop bit-identically and rebuilds the job network deterministically (its layers past stage k are still
 * as built). A checkpoint without the entry is the training's. Steps and progress are the job's
 * ({@link PretrainingPorts}).
 */
public final class GreedyPretraining {
  static final String ENTRY = "descent-pretraining.bin";

  private final TrainingSpec spec;
  private final TrainingData data;
  private final LoopPorts ports;
  private final int perEpoch;
  /** The spec index one past each stage's layers: {@code ends[k - 1]} for stage k; the output layer's for H. */
  private final List<Integer> ends;

  private GreedyPretraining(TrainingSpec spec, TrainingData data, LoopPorts ports) {
    this.spec = spec;
    this.data = data;
    this.ports = ports;
    this.perEpoch = (data.train().size() + spec.batchSize() - 1) / spec.batchSize();
    this.ends = stageEnds(spec.model().layers());
  }

  /** Runs the stages left (all when {@code resumeFrom} is null or a stage's checkpoint) and the training. */
  public static LoopResult run(TrainingSpec spec, TrainingData data, byte[] resumeFrom, LoopPorts ports) {
    return new GreedyPretraining(spec, data, ports).run(resumeFrom);
  }

  private LoopResult run(byte[] resumeFrom) {
    int resumedStage = resumeFrom == null ? 1 : stage(resumeFrom);
    if (resumedStage == 0) {
      return train(resumeFrom);
    }
    MultiLayerNetwork job = NetworkFactory.build(spec, perEpoch, data.train());
    for (int stage = resumedStage; stage <= ends.size(); stage++) {
      byte[] start = stage == resumedStage && resumeFrom != null ? resumeFrom : stageStart(stage, job);
      TrainingLoop loop = TrainingLoop.create(stageSpec(stage), data, start,
          PretrainingPorts.stage(ports, stage, offset(stage)));
      LoopResult result = loop.run();
      if (result.ending() != LoopResult.Ending.COMPLETED) {
        return shifted(result, offset(stage).iterations(), "pretraining stage " + stage + ": ");
      }
      for (int layer = 0; layer < ends.get(stage - 1); layer++) {
        WarmStart.copyLayer(loop.network(), job, layer);
      }
    }
    return train(NetworkSnapshots.write(job));
  }

  /** The job's training from {@code start} (the pretrained network, or a checkpoint of the training). */
  private LoopResult train(byte[] start) {
    PretrainingPorts.Offset at = offset(ends.size() + 1);
    return shifted(TrainingLoop.create(spec, data, start, PretrainingPorts.training(ports, at)).run(),
        at.iterations(), "");
  }

  /** The stage's network: built from its spec, its hidden layers the job network's, earlier stages' frozen. */
  private byte[] stageStart(int stage, MultiLayerNetwork job) {
    MultiLayerNetwork network = NetworkFactory.build(stageSpec(stage), perEpoch, data.train());
    for (int layer = 0; layer < ends.get(stage - 1); layer++) {
      WarmStart.copyLayer(job, network, layer);
    }
    if (spec.pretraining().freezeEarlier() && stage > 1) {
      for (int layer = 0; layer < ends.get(stage - 2); layer++) {
        WarmStart.freeze(network.getLayerWiseConfigurations().getConf(layer).getLayer());
      }
    }
    network.setUpdater(null);
    return NetworkSnapshots.write(network);
  }

  /** The spec stage {@code stage} trains: its layers, the model's output layer, seed + stage, nothing else. */
  TrainingSpec stageSpec(int stage) {
    List<LayerSpec> layers = new ArrayList<>(spec.model().layers().subList(0, ends.get(stage - 1)));
    layers.add(spec.model().layers().get(spec.model().layers().size() - 1));
    ModelSpec model = new ModelSpec(spec.model().weightInit(), layers, spec.model().biasInit());
    return new TrainingSpec(spec.name(), spec.seed() + stage, spec.dataset(), model, spec.optimizer(),
        spec.schedule(), spec.pretraining().epochsPerLayer(), spec.batchSize(), spec.checkpoint(), spec.priority(),
        spec.maxAttempts(), List.of(), null, null, List.of(), List.of(), null, null, null, spec.optimizerSpec(),
        spec.scheduleSpec());
  }

  /** Where stage {@code stage} (H + 1: the training) starts in the job. */
  private PretrainingPorts.Offset offset(int stage) {
    int epochs = spec.pretraining().epochsPerLayer();
    return new PretrainingPorts.Offset((long) (stage - 1) * epochs * perEpoch, (stage - 1) * epochs,
        (long) ends.size() * epochs * perEpoch + Phases.of(spec, data.train().size(), null).totalIterations(),
        ends.size() * epochs + spec.epochs());
  }

  private static LoopResult shifted(LoopResult result, long offset, String prefix) {
    return new LoopResult(result.ending(), result.iterations() + offset,
        result.message() == null || prefix.isEmpty() ? result.message() : prefix + result.message(),
        result.metrics(), result.stopDetail());
  }

  /** The stage a checkpoint was taken in (1-based), 0 for one of the training. */
  static int stage(byte[] content) {
    byte[] entry = CheckpointZip.entry(content, ENTRY);
    return entry == null ? 0 : ByteBuffer.wrap(entry).getInt();
  }

  /** One past each stage's last layer: the index of the next fully connected layer (the output layer's, last). */
  private static List<Integer> stageEnds(List<LayerSpec> layers) {
    List<Integer> ends = new ArrayList<>();
    boolean hidden = false;
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof FullyConnectedLayerSpec) {
        if (hidden) {
          ends.add(i);
        }
        hidden = !(layers.get(i) instanceof OutputLayerSpec);
      }
    }
    return ends;
  }
}
