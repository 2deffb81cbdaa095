package dev.descent.engine.online;

import static dev.descent.engine.support.JsonText.json;
import static dev.descent.engine.support.Pointers.pointers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.validation.SpecException;
import org.junit.jupiter.api.Test;

class OnlineSpecsTests {
  @Test
  void everyAlgorithmIsBuiltFromItsName() throws Exception {
    assertThat(OnlineSpecs.create(json("{\"algorithm\":\"ogd\"}"), 5).learner())
        .isInstanceOf(OnlineGradientDescent.class);
    assertThat(OnlineSpecs.create(json("{\"algorithm\":\"tg\",\"truncation\":\"simple\"}"), 5).learner())
        .isInstanceOf(TruncatedGradient.class);
    assertThat(OnlineSpecs.create(json("{\"algorithm\":\"fobos\",\"l1\":0.1}"), 5).learner())
        .isInstanceOf(FobosL1.class);
    assertThat(OnlineSpecs.create(json("{\"algorithm\":\"rda\",\"gamma\":2}"), 5).learner())
        .isInstanceOf(RdaL1.class);
    OnlineModel ftrl = OnlineSpecs.create(json("{\"algorithm\":\"ftrl\",\"loss\":\"squared\",\"l2\":1}"), 5);
    assertThat(ftrl.learner()).isInstanceOf(FtrlProximal.class);
    assertThat(ftrl.loss()).isEqualTo(Loss.SQUARED);
    assertThat(ftrl.learner().dimension()).isEqualTo(5);
  }

  @Test
  void violationsNameEachFieldUnderThePrefix() throws Exception {
    JsonNode spec =
        json("{\"algorithm\":\"tg\",\"eta\":-1,\"k\":2.5,\"truncation\":\"hard\",\"l1\":1,\"loss\":\"hinge\"}");
    assertThat(pointers(OnlineSpecs.validate(spec, "/learner")))
        .containsExactlyInAnyOrder("/learner/eta", "/learner/k", "/learner/truncation", "/learner/l1", "/learner/loss");
  }

  @Test
  void unknownAlgorithmAndNonObjectsAreRefused() throws Exception {
    assertThat(pointers(OnlineSpecs.validate(json("{\"algorithm\":\"adagrad\"}"), "/learner")))
        .containsExactly("/learner/algorithm");
    assertThat(pointers(OnlineSpecs.validate(json("\"ftrl\""), "/learner"))).containsExactly("/learner");
    assertThat(OnlineSpecs.validate(json("{\"algorithm\":\"ftrl\",\"alpha\":0.2,\"l1\":0}"), "")).isEmpty();
    assertThatThrownBy(() -> OnlineSpecs.create(json("{\"algorithm\":\"rda\",\"gamma\":0}"), 3))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("/gamma");
  }
}
