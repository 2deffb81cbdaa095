package dev.descent.engine.optim.schedule;

import dev.descent.engine.layers.residual.ResidualBlock;
import dev.descent.engine.optim.updater.GradientNoiseConfig;
import dev.descent.engine.optim.updater.UpdaterConfig;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Delivers a validation metric to every {@link ReduceOnPlateauSchedule} of a network. DL4J clones the updater
 * configuration into each layer (weights and biases), and the updaters read their learning rate from those copies,
 * so each copy must see every report (the layers inside residual blocks included); copies shared by several layers
 * are reported once.
 */
public final class PlateauReports {
  private PlateauReports() {}

  /** Reports {@code metric} to every plateau schedule in {@code network}; returns how many schedules it reached. */
  public static int report(MultiLayerNetwork network, double metric) {
    Set<ISchedule> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (NeuralNetConfiguration conf : network.getLayerWiseConfigurations().getConfs()) {
      for (Layer inner : ResidualBlock.expand(conf.getLayer())) {
        if (inner instanceof BaseLayer layer) {
          collect(layer.getIUpdater(), seen);
          collect(layer.getBiasUpdater(), seen);
        }
      }
    }
    seen.forEach(schedule -> ((ReduceOnPlateauSchedule) schedule).report(metric));
    return seen.size();
  }

  private static void collect(IUpdater updater, Set<ISchedule> seen) {
    if (updater instanceof GradientNoiseConfig noisy) {
      collect(noisy.getInner(), seen);
    } else if (updater instanceof UpdaterConfig config
        && config.getLearningRateSchedule() instanceof ReduceOnPlateauSchedule plateau) {
      seen.add(plateau);
    }
  }
}
