package dev.descent.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.fullbatch.FullBatchSettings;
import dev.descent.engine.optim.CommonSettings;
import dev.descent.engine.optim.GradientClipping;
import dev.descent.engine.optim.OptimizerSpec;
import dev.descent.engine.optim.UpdaterSpec;
import dev.descent.engine.optim.schedule.ScheduleSpec;
import dev.descent.engine.optim.schedule.ScheduleUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optimizer and the schedule are read once into records; the stored JSON stays what the client sent. */
class OptimizerRecordsSpecTests {
  private static final String BASE = "{\"dataset\":{\"name\":\"iris\"},\"model\":{\"layers\":[{\"type\":\"output\"}]},"
      + "\"epochs\":3";

  private static TrainingSpec parse(String extra) {
    return SpecParser.parse(BASE + extra + "}", EngineLimits.DEFAULTS);
  }

  @Test
  void updaterAndScheduleBecomeRecordsWithDefaultsFilled() {
    TrainingSpec spec = parse(",\"optimizer\":{\"type\":\"adamw\",\"lr\":0.1,\"clip_grad_norm\":2},"
        + "\"schedule\":{\"type\":\"linear\",\"tau\":4}");
    CommonSettings common = new CommonSettings(0.01, new GradientClipping(2, GradientClipping.OFF), null);
    assertThat(spec.optimizerSpec())
        .isEqualTo(new UpdaterSpec.AdamFamily("adamw", 0.1, 0.9, 0.999, 1e-8, false, 4e-3, common));
    assertThat(spec.scheduleSpec()).isEqualTo(new ScheduleSpec.Linear(4, 0.1 * 0.01, ScheduleUnit.EPOCH));
    assertThat(SpecParser.toJson(spec)).contains("\"optimizer\":{\"type\":\"adamw\",\"lr\":0.1,\"clip_grad_norm\":2},"
        + "\"schedule\":{\"type\":\"linear\",\"tau\":4}");
    assertThat(SpecParser.parse(SpecParser.toJson(spec), EngineLimits.DEFAULTS)).isEqualTo(spec);
  }

  @Test
  void sgdKeepsItsMomentumScheduleAsARecord() {
    TrainingSpec spec = parse(",\"optimizer\":{\"type\":\"sgd\",\"momentum\":0.9,"
        + "\"momentum_schedule\":{\"type\":\"step\",\"step_size\":2}}");
    UpdaterSpec.Sgd sgd = (UpdaterSpec.Sgd) spec.optimizerSpec();
    assertThat(sgd.momentumSchedule()).isEqualTo(new ScheduleSpec.Step(2, 0.1, ScheduleUnit.EPOCH));
    assertThat(spec.scheduleSpec()).isNull();
  }

  @Test
  void fullBatchOptimizersBecomeSettingsRecords() {
    TrainingSpec spec = parse(",\"optimizer\":{\"type\":\"coordinate_descent\",\"blocks\":[[0,2]]}");
    FullBatchSettings settings = ((OptimizerSpec.FullBatch) spec.optimizerSpec()).settings();
    assertThat(settings.coordinate().blocks()).hasSize(1);
    FullBatchSettings inner = settings.coordinate().inner();
    assertThat(inner.type()).isEqualTo("lbfgs");
    assertThat(inner.loop()).isEqualTo(new FullBatchSettings.Loop(1, 20, null, 1e-7, 1e-9, "strong_wolfe", 0, 0));
    assertThat(inner.method().historySize()).isEqualTo(100);
    assertThat(List.of(spec.optimizer().get("inner").get("history_size").asInt())).containsExactly(100);
  }
}
