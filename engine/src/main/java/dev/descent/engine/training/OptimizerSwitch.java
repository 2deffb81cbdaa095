package dev.descent.engine.training;

import dev.descent.engine.layers.residual.ResidualBlock;
import dev.descent.engine.optim.OptimizerPlan;
import dev.descent.engine.optim.OptimizerSpecs;
import dev.descent.engine.optim.UpdaterSpec;
import dev.descent.engine.optim.schedule.PhaseOffsetSchedule;
import dev.descent.engine.optim.schedule.ScheduleSpec;
import dev.descent.engine.optim.schedule.Schedules;
import dev.descent.engine.optim.updater.SgdConfig;
import dev.descent.engine.spec.PhaseSpec;
import dev.descent.engine.spec.TrainingSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Moves a live network to a phase's optimizer: every parameterized layer (inside residual blocks too) gets the
 * phase's updater, whose schedules count from the phase's start ({@link PhaseOffsetSchedule}), and its weight decay;
 * the network's updater is rebuilt with a fresh state, or with the previous state when the phase asks to keep it and
 * the two states have the same layout. The parameters and the counters are untouched.
 */
final class OptimizerSwitch {
  private OptimizerSwitch() {}

  /** Switches {@code network} to {@code segment}'s phase; returns the plan (for its gradient clipping). */
  static OptimizerPlan apply(MultiLayerNetwork network, Phases.Segment segment) {
    PhaseSpec phase = segment.phase();
    OptimizerPlan plan = OptimizerSpecs.plan((UpdaterSpec) phase.optimizerSpec(), null, segment.perEpoch());
    IUpdater updater = plan.updater();
    double lr = updater.getLearningRate(0, 0);
    ISchedule schedule = Schedules.build(phase.scheduleSpec(), lr, segment.perEpoch());
    if (schedule != null) {
      updater.setLrAndSchedule(lr, PhaseOffsetSchedule.startingAt(schedule, segment.firstIteration(),
          segment.firstEpoch()));
    }
    if (updater instanceof SgdConfig sgd && sgd.getMomentumSchedule() != null) {
      sgd.setMomentumSchedule(PhaseOffsetSchedule.startingAt(sgd.getMomentumSchedule(), segment.firstIteration(),
          segment.firstEpoch()));
    }
    install(network, plan, updater, phase.keepState() ? state(network) : null);
    return plan;
  }

  /**
   * Configures a network restored from a checkpoint (in its first phase) for {@code spec} when the spec's optimizer
   * settings differ from the checkpoint's (a PBT explore changed the job's stored spec, docs/studies.md): every
   * parameterized layer gets the spec's updater (its schedule included) and weight decay, and the updater is rebuilt
   * with the checkpoint's state. The parameters and the counters are untouched; equal settings leave the network as
   * restored, and so does a {@code plateau} schedule, whose state lives in the checkpoint's configuration (PBT refuses
   * to mutate such a job). True when it changed the network.
   */
  static boolean toSpec(MultiLayerNetwork network, TrainingSpec spec, int perEpoch) {
    if (!(spec.optimizerSpec() instanceof UpdaterSpec updaterSpec) || !spec.phases().isEmpty()
        || spec.scheduleSpec() instanceof ScheduleSpec.Plateau
        || !(network.getOutputLayer().conf().getLayer() instanceof BaseLayer output)) {
      return false;
    }
    OptimizerPlan plan = OptimizerSpecs.plan(updaterSpec, spec.scheduleSpec(), perEpoch);
    if (json(plan.updater()).equals(json(output.getIUpdater()))) {
      return false;
    }
    install(network, plan, plan.updater(), state(network));
    return true;
  }

  /** Gives every parameterized layer {@code updater} and the plan's weight decay; the updater's state {@code kept}. */
  private static void install(MultiLayerNetwork network, OptimizerPlan plan, IUpdater updater, INDArray kept) {
    for (NeuralNetConfiguration conf : network.getLayerWiseConfigurations().getConfs()) {
      for (Layer layer : ResidualBlock.expand(conf.getLayer())) {
        if (layer instanceof BaseLayer base) {
          base.setIUpdater(updater.clone());
          base.setBiasUpdater(null);
        }
      }
    }
    plan.applyTo(network.getLayerWiseConfigurations());
    network.setUpdater(null);
    Updater fresh = network.getUpdater(true);
    INDArray state = fresh == null ? null : fresh.getStateViewArray();
    if (kept != null && state != null && kept.length() == state.length()) {
      state.assign(kept);
    }
  }

  private static String json(IUpdater updater) {
    try {
      return NeuralNetConfiguration.mapper().writeValueAsString(updater);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize the updater configuration", e);
    }
  }

  private static INDArray state(MultiLayerNetwork network) {
    Updater updater = network.getUpdater(false);
    INDArray state = updater == null ? null : updater.getStateViewArray();
    return state == null ? null : state.dup();
  }
}
