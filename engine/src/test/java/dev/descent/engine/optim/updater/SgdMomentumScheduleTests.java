package dev.descent.engine.optim.updater;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.optim.schedule.ScheduleUnit;
import dev.descent.engine.optim.schedule.StepDecaySchedule;
import org.junit.jupiter.api.Test;

/** Heavy-ball SGD with a scheduled momentum μ_t, by hand. */
class SgdMomentumScheduleTests {
  @Test
  void momentumFollowsItsSchedule() {
    SgdConfig config = new SgdConfig(1.0, 0.8, 0.0, false);
    config.setMomentumSchedule(new StepDecaySchedule(0.8, 1, 0.5, ScheduleUnit.ITERATION));
    UpdaterDriver driver = new UpdaterDriver(config, 1);
    assertThat(driver.update(1.0)).containsExactly(1.0);
    assertThat(driver.update(1.0)).as("b = 0.4·1 + 1").containsExactly(1.4);
    assertThat(driver.update(1.0)).as("b = 0.2·1.4 + 1").containsExactly(0.2 * 1.4 + 1);
  }

  @Test
  void aScheduleAloneKeepsAMomentumBuffer() {
    SgdConfig config = new SgdConfig(0.1, 0.0, 0.0, false);
    assertThat(config.stateSize(10)).isZero();
    config.setMomentumSchedule(new StepDecaySchedule(0.9, 5, 0.5, ScheduleUnit.EPOCH));
    assertThat(config.stateSize(10)).isEqualTo(10);
    assertThat(config.clone()).isEqualTo(config);
  }
}
