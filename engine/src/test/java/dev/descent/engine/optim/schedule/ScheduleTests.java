package dev.descent.engine.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/** Hand-computed values of every schedule, and their JSON round trips through DL4J's own mapper. */
class ScheduleTests {
  private static final double EXACT = 1e-15;
  private static final ScheduleUnit IT = ScheduleUnit.ITERATION;

  private static void assertValues(UnitSchedule schedule, double... expected) {
    for (int t = 0; t < expected.length; t++) {
      assertThat(schedule.value(t)).as("t=%d", t).isCloseTo(expected[t], within(EXACT));
    }
  }

  @Test
  void closedFormDecays() {
    assertValues(new ConstantSchedule(0.1, IT), 0.1, 0.1);
    assertValues(new LinearDecaySchedule(0.1, 0.001, 2, IT), 0.1, 0.0505, 0.001, 0.001);
    assertValues(new StepDecaySchedule(0.1, 2, 0.5, IT), 0.1, 0.1, 0.05, 0.05, 0.025);
    assertValues(new ExponentialSchedule(0.1, 0.9, IT), 0.1, 0.09, 0.081);
    assertValues(new InverseTimeSchedule(0.1, 0.5, 2, IT), 0.1, 0.08, 1.0 / 15, 0.1 / 1.75, 0.05);
    assertValues(new PolynomialDecaySchedule(0.1, 0.0, 2, 2, IT), 0.1, 0.025, 0.0, 0.0);
    assertValues(new CosineAnnealingSchedule(0.1, 0.0, 2, IT), 0.1, 0.05, 0.0);
  }

  @Test
  void polynomialDecayDecreases() {
    PolynomialDecaySchedule schedule = new PolynomialDecaySchedule(0.1, 0.01, 100, 0.5, IT);
    for (int t = 1; t <= 120; t++) {
      assertThat(schedule.value(t)).isLessThanOrEqualTo(schedule.value(t - 1));
    }
    assertThat(schedule.value(100)).isEqualTo(0.01);
  }

  @Test
  void warmRestartsRestartWithGrowingPeriods() {
    CosineWarmRestartsSchedule schedule = new CosineWarmRestartsSchedule(0.1, 0.0, 2, 2, IT);
    assertValues(schedule, 0.1, 0.05, 0.1, 0.1 * (1 + Math.cos(Math.PI / 4)) / 2, 0.05,
        0.1 * (1 + Math.cos(3 * Math.PI / 4)) / 2, 0.1);
  }

  @Test
  void warmupRampsThenHandsOver() {
    WarmupSchedule schedule = new WarmupSchedule(4, 0.25, new StepDecaySchedule(0.1, 3, 0.5, IT));
    assertValues(schedule, 0.025, 0.04375, 0.0625, 0.08125, 0.1, 0.1, 0.1, 0.05);
  }

  @Test
  void cyclicModes() {
    assertValues(new CyclicSchedule(0.1, 1.0, 2, 2, CyclicSchedule.Mode.TRIANGULAR, 1.0, IT),
        0.1, 0.55, 1.0, 0.55, 0.1, 0.55);
    assertValues(new CyclicSchedule(0.1, 1.0, 2, 2, CyclicSchedule.Mode.TRIANGULAR2, 1.0, IT),
        0.1, 0.55, 1.0, 0.55, 0.1, 0.325, 0.55);
    assertValues(new CyclicSchedule(0.1, 1.0, 2, 2, CyclicSchedule.Mode.EXP_RANGE, 0.5, IT),
        0.1, 0.1 + 0.9 * 0.5 * 0.5, 0.1 + 0.9 * 0.25);
  }

  @Test
  void oneCycleRisesToMaxThenAnnealsToTheFloor() {
    OneCycleSchedule cosine = new OneCycleSchedule(1.0, 10, 0.3, true, 25, 1e4, IT);
    assertValues(cosine, 0.04, 0.52, 1.0);
    assertThat(cosine.value(9)).isCloseTo(4e-6, within(EXACT));
    OneCycleSchedule linear = new OneCycleSchedule(1.0, 10, 0.3, false, 25, 1e4, IT);
    assertThat(linear.value(1)).isCloseTo(0.52, within(EXACT));
    assertThat(linear.value(5)).isCloseTo(1.0 + (4e-6 - 1.0) * 3 / 7, within(EXACT));
  }

  @Test
  void plateauReducesAfterPatienceRunsOut() {
    ReduceOnPlateauSchedule schedule = new ReduceOnPlateauSchedule(1.0, false, 0.5, 1, 1e-4, true, 0, 0.3);
    assertThat(schedule.report(1.0)).isEqualTo(1.0);
    assertThat(schedule.report(1.0)).isEqualTo(1.0);
    assertThat(schedule.report(0.99995)).as("not better by the relative threshold").isEqualTo(0.5);
    assertThat(schedule.report(0.5)).isEqualTo(0.5);
    schedule.report(0.6);
    assertThat(schedule.report(0.6)).as("floored at min_lr").isEqualTo(0.3);
    assertThat(schedule.valueAt(123, 7)).isEqualTo(0.3);
  }

  @Test
  void everyScheduleSurvivesDl4jJsonWithItsState() throws Exception {
    ReduceOnPlateauSchedule plateau = new ReduceOnPlateauSchedule(1.0, true, 0.5, 0, 0, false, 2, 0);
    plateau.report(3.0);
    plateau.report(2.0);
    List<UnitSchedule> all = List.of(new ConstantSchedule(0.1, IT),
        new LinearDecaySchedule(0.1, 0.001, 7, ScheduleUnit.EPOCH), new StepDecaySchedule(0.1, 2, 0.5, IT),
        new ExponentialSchedule(0.1, 0.9, IT), new InverseTimeSchedule(0.1, 0.5, 2, IT),
        new PolynomialDecaySchedule(0.1, 0.0, 9, 2, IT), new CosineAnnealingSchedule(0.1, 0.0, 9, IT),
        new CosineWarmRestartsSchedule(0.1, 0.0, 2, 2, IT),
        new WarmupSchedule(3, 0.1, new CosineAnnealingSchedule(0.1, 0.0, 9, IT)),
        new CyclicSchedule(0.1, 1.0, 2, 3, CyclicSchedule.Mode.EXP_RANGE, 0.9, IT),
        new OneCycleSchedule(1.0, 10, 0.3, true, 25, 1e4, IT), plateau);
    ObjectMapper mapper = NeuralNetConfiguration.mapper();
    for (UnitSchedule schedule : all) {
      String json = mapper.writerFor(ISchedule.class).writeValueAsString(schedule);
      ISchedule back = mapper.readValue(json, ISchedule.class);
      assertThat(back).as(json).isEqualTo(schedule).isNotSameAs(schedule);
      for (int t = 0; t < 12; t++) {
        assertThat(back.valueAt(t, t)).as(json).isEqualTo(schedule.valueAt(t, t));
      }
    }
    assertThat(plateau.getCurrent()).isEqualTo(0.5);
  }
}
