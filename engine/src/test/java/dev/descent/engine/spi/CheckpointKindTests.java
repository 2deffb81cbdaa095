package dev.descent.engine.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored names of checkpoint kinds, which rows in the database carry and must never change. */
class CheckpointKindTests {

  @Test
  void theWireNamesAreTheStoredOnes() {
    assertThat(CheckpointKind.PERIODIC.wireName()).isEqualTo("periodic");
    assertThat(CheckpointKind.FINAL.wireName()).isEqualTo("final");
    assertThat(CheckpointKind.POLYAK_ARITH.wireName()).isEqualTo("polyak-arith");
    assertThat(CheckpointKind.POLYAK_EMA.wireName()).isEqualTo("polyak-ema");
    assertThat(CheckpointKind.POLYAK_EMA.wireName(1)).isEqualTo("polyak-ema");
    assertThat(CheckpointKind.POLYAK_EMA.wireName(3)).isEqualTo("polyak-ema-3");
  }

  @Test
  void storedNamesReadBackToTheirKind() {
    for (CheckpointKind kind : CheckpointKind.values()) {
      assertThat(CheckpointKind.fromWire(kind.wireName())).contains(kind);
    }
    assertThat(CheckpointKind.fromWire("polyak-arith-2")).contains(CheckpointKind.POLYAK_ARITH);
    assertThat(CheckpointKind.fromWire("polyak-ema-12")).contains(CheckpointKind.POLYAK_EMA);
    assertThat(CheckpointKind.fromWire("periodic-2")).isEmpty();
    assertThat(CheckpointKind.fromWire("polyak-ema-1")).isEmpty();
    assertThat(CheckpointKind.fromWire("best")).isEmpty();
    assertThat(CheckpointKind.fromWire(null)).isEmpty();
  }

  @Test
  void onlyTheLiveStateIsResumableAndOnlyAveragesAreNumbered() {
    assertThat(CheckpointKind.PERIODIC.resumable()).isTrue();
    assertThat(CheckpointKind.FINAL.resumable()).isTrue();
    assertThat(CheckpointKind.POLYAK_ARITH.resumable()).isFalse();
    assertThat(CheckpointKind.POLYAK_EMA.resumable()).isFalse();
    assertThatThrownBy(() -> CheckpointKind.FINAL.wireName(2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCheckpointRefusesAKindTheEngineNeverWrites() {
    assertThatThrownBy(() -> new Checkpoint("best", 1, 0, new byte[0], Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Checkpoint("polyak-ema-2", 1, 0, new byte[0], Map.of()).kind()).isEqualTo("polyak-ema-2");
  }
}
