package dev.descent.api.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.descent.engine.spi.MetricPoint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A batch handed to the flusher stays the next batch until it is written; a full buffer waits, counted. */
class MetricBufferTests {

  @Test
  void aBatchWhoseWriteFailedIsHandedOutAgainUntilConfirmed() {
    MetricBuffer buffer = new MetricBuffer(16);
    for (int step = 1; step <= 5; step++) {
      buffer.record(new MetricPoint("loss", step, 0, step));
    }

    List<MetricPoint> first = buffer.nextBatch(3);
    assertThat(buffer.nextBatch(3)).as("write failed: the same points again").isEqualTo(first);
    buffer.written();

    assertThat(buffer.nextBatch(3)).extracting(MetricPoint::step).containsExactly(4L, 5L);
    buffer.written();
    assertThat(buffer.isEmpty()).isTrue();
  }

  @Test
  void aFullBufferMakesTheTrainingThreadWaitAndCountsIt() throws Exception {
    MetricBuffer buffer = new MetricBuffer(2);
    buffer.record(new MetricPoint("loss", 1, 0, 1));
    buffer.record(new MetricPoint("loss", 2, 0, 1));

    CompletableFuture<Void> third = CompletableFuture.runAsync(() -> buffer.record(new MetricPoint("loss", 3, 0, 1)));
    await("the third point finds the buffer full").atMost(Duration.ofSeconds(10))
        .until(() -> buffer.fullWaits() == 1);
    assertThat(third).as("waits while the buffer is full").isNotDone();
    assertThat(buffer.nextBatch(10)).hasSize(2);
    third.get(5, TimeUnit.SECONDS);
    buffer.written();

    assertThat(buffer.nextBatch(10)).extracting(MetricPoint::step).containsExactly(3L);
    assertThat(buffer.fullWaits()).isEqualTo(1);
  }
}
