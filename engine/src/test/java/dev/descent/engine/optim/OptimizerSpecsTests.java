package dev.descent.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.engine.optim.schedule.CosineAnnealingSchedule;
import dev.descent.engine.optim.updater.AdamConfig;
import dev.descent.engine.optim.updater.GradientNoiseConfig;
import dev.descent.engine.optim.updater.SgdConfig;
import dev.descent.engine.optim.updater.UpdaterConfig;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/** Validation names the offending field; valid specs become the right updater, regularizations and clipping. */
class OptimizerSpecsTests {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  private static List<String> pointers(String optimizer, String schedule) throws Exception {
    return OptimizerSpecs.validate(json(optimizer), schedule == null ? null : json(schedule)).stream()
        .map(Violation::pointer).toList();
  }

  /** The pointers of the violations of {@code schedule} beside a plain SGD optimizer. */
  private static List<String> schedulePointers(String schedule) throws Exception {
    return pointers("{'type': 'sgd'}", schedule);
  }

  @Test
  void refusesNonsenseNamingTheField() throws Exception {
    assertThat(pointers("{'type': 'adam', 'lr': -1}", null)).containsExactly("/optimizer/lr");
    assertThat(pointers("{'type': 'adam', 'betas': [0.9, 1.0]}", null)).containsExactly("/optimizer/betas/1");
    assertThat(pointers("{'type': 'adam', 'betas': [0.9]}", null)).containsExactly("/optimizer/betas");
    assertThat(pointers("{'type': 'adam', 'learning_rate': 0.1}", null)).containsExactly("/optimizer/learning_rate");
    assertThat(pointers("{'type': 'adamm'}", null)).containsExactly("/optimizer/type");
    assertThat(pointers("{'lr': 0.1}", "{'type': 'cosine'}")).containsExactly("/optimizer/type", "/schedule/T_max");
    assertThat(pointers("[]", null)).containsExactly("/optimizer");
    assertThat(pointers("{'type': 'sgd', 'nesterov': true}", null)).containsExactly("/optimizer/nesterov");
    assertThat(pointers("{'type': 'rprop', 'etas': [1.5, 1.2]}", null)).containsExactly("/optimizer/etas");
    assertThat(pointers("{'type': 'aggmo', 'betas': [0.5, 'x']}", null)).containsExactly("/optimizer/betas/1");
    assertThat(pointers("{'type': 'sgd', 'clip_grad_norm': 0}", null)).containsExactly("/optimizer/clip_grad_norm");
    assertThat(pointers("{'type': 'sgd', 'grad_noise': {'gamma': 0.5, 'sd': 1}}", null))
        .containsExactlyInAnyOrder("/optimizer/grad_noise/eta", "/optimizer/grad_noise/sd");
    assertThat(pointers("{'type': 'rprop', 'weight_decay': 0.1}", null)).containsExactly("/optimizer/weight_decay");
  }

  @Test
  void refusesNonsenseSchedules() throws Exception {
    assertThat(schedulePointers("{'type': 'cosine'}")).containsExactly("/schedule/T_max");
    assertThat(schedulePointers("{'type': 'cosine', 'T_max': 5, 'Tmax': 3}"))
        .containsExactly("/schedule/Tmax");
    assertThat(schedulePointers("{'type': 'step', 'step_size': 2, 'unit': 'week'}"))
        .containsExactly("/schedule/unit");
    assertThat(schedulePointers("{'type': 'warmup', 'warmup_steps': 2, 'after': {'type': 'x'}}"))
        .containsExactly("/schedule/after/type");
    assertThat(schedulePointers("{'type': 'cyclic', 'max_lr': 0.001, 'base_lr': 0.01}"))
        .containsExactly("/schedule/max_lr");
  }

  @Test
  void everyTypeWithDefaultsIsValid() throws Exception {
    for (String type : OptimizerSpecs.types()) {
      OptimizerPlan plan = OptimizerSpecs.plan(json("{'type': '" + type + "'}"), null, 10);
      assertThat(plan.updater()).as(type).isInstanceOf(UpdaterConfig.class);
    }
    assertThat(OptimizerSpecs.types()).hasSize(15);
  }

  @Test
  void weightDecayBecomesDl4jRegularization() throws Exception {
    OptimizerPlan adam = OptimizerSpecs.plan(json("{'type': 'adam', 'weight_decay': 0.01}"), null, 1);
    assertThat(adam.regularization()).containsExactly(new L2Regularization(0.01));
    OptimizerPlan adamw = OptimizerSpecs.plan(json("{'type': 'adamw', 'lr': 0.1}"), null, 1);
    assertThat(adamw.regularization()).containsExactly(new WeightDecay(0.01, true));
    OptimizerPlan asgd = OptimizerSpecs.plan(json("{'type': 'asgd', 'lambd': 0.5}"), null, 1);
    assertThat(asgd.regularization()).containsExactly(new L2Regularization(0.5));
  }

  @Test
  void scheduleClippingAndNoiseAreWired() throws Exception {
    OptimizerPlan plan = OptimizerSpecs.plan(json("{'type': 'adam', 'lr': 0.1, 'clip_grad_norm': 1.5,"
        + " 'grad_noise': {'eta': 0.3}}"), json("{'type': 'cosine', 'T_max': 4, 'unit': 'iteration'}"), 10);
    assertThat(plan.clipping()).isEqualTo(new GradientClipping(1.5, GradientClipping.OFF));
    GradientNoiseConfig noise = (GradientNoiseConfig) plan.updater();
    assertThat(noise.getEta()).isEqualTo(0.3);
    assertThat(noise.getGamma()).isEqualTo(GradientNoiseConfig.DEFAULT_GAMMA);
    AdamConfig adam = (AdamConfig) noise.getInner();
    assertThat(adam.getLearningRateSchedule()).isInstanceOf(CosineAnnealingSchedule.class);
    assertThat(plan.updater().getLearningRate(2, 0)).isEqualTo(0.05, within(1e-15));
  }

  @Test
  void sgdTakesAMomentumSchedule() throws Exception {
    OptimizerPlan plan = OptimizerSpecs.plan(json("{'type': 'sgd', 'momentum': 0.9, 'momentum_schedule':"
        + " {'type': 'linear', 'tau': 10, 'lr_end': 0.5, 'unit': 'iteration'}}"), null, 1);
    SgdConfig sgd = (SgdConfig) plan.updater();
    assertThat(sgd.momentumAt(5, 0)).isCloseTo(0.7, within(1e-15));
    assertThat(pointers("{'type': 'sgd', 'momentum_schedule': {'type': 'plateau'}}", null))
        .containsExactly("/optimizer/momentum_schedule/type");
    assertThat(pointers("{'type': 'sgd', 'momentum_schedule': {'type': 'cosine'}}", null))
        .containsExactly("/optimizer/momentum_schedule/T_max");
  }

  @Test
  void oneCycleCountsEpochsInIterations() throws Exception {
    OptimizerPlan plan = OptimizerSpecs.plan(json("{'type': 'sgd', 'lr': 1.0}"),
        json("{'type': 'one_cycle', 'epochs': 2}"), 5);
    assertThat(plan.updater().getLearningRate(2, 0)).isEqualTo(1.0);
    assertThat(plan.updater().getLearningRate(9, 1)).isEqualTo(1.0 / 25 / 1e4, within(1e-18));
  }

  @Test
  void invalidPlanThrowsWithEveryViolation() {
    assertThatThrownBy(() -> OptimizerSpecs.plan(json("{'type': 'sgd', 'lr': -1, 'momentum': 2}"), null, 1))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).violations()).extracting(Violation::pointer)
            .containsExactly("/optimizer/lr", "/optimizer/momentum"));
  }
}
