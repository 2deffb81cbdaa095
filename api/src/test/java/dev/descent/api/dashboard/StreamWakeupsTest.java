package dev.descent.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A job-changed notification wakes the streams of the jobs it names and the all-jobs streams, no other; a burst of
 * notifications is one wake-up; a resynchronization wakes every stream; a removed stream is woken no more.
 */
class StreamWakeupsTest {
  private final StreamWakeups wakeups = new StreamWakeups();
  private final UUID x = UUID.randomUUID();
  private final UUID y = UUID.randomUUID();

  @Test
  void aNotificationWakesTheStreamsOfItsJobsAndTheAllJobsStreams() throws InterruptedException {
    StreamWakeups.Wake ofX = wakeups.add(x);
    StreamWakeups.Wake ofY = wakeups.add(y);
    StreamWakeups.Wake all = wakeups.add(null);

    wakeups.notified(Set.of(x.toString(), "not-a-job-id"));
    wakeups.notified(Set.of(x.toString()));

    assertThat(ofX.await(Duration.ZERO)).isTrue();
    assertThat(ofX.await(Duration.ZERO)).as("a burst is one wake-up").isFalse();
    assertThat(ofY.await(Duration.ZERO)).isFalse();
    assertThat(all.await(Duration.ZERO)).isTrue();
  }

  @Test
  void resynchronizingWakesEveryStreamButARemovedOne() throws InterruptedException {
    StreamWakeups.Wake ofX = wakeups.add(x);
    StreamWakeups.Wake all = wakeups.add(null);
    StreamWakeups.Wake gone = wakeups.add(y);
    wakeups.remove(gone);

    wakeups.resynchronize();
    wakeups.notified(Set.of(y.toString()));

    assertThat(ofX.await(Duration.ZERO)).isTrue();
    assertThat(all.await(Duration.ZERO)).isTrue();
    assertThat(gone.await(Duration.ZERO)).isFalse();
  }

  @Test
  void aWaitingStreamWakesWhenNotified() throws Exception {
    StreamWakeups.Wake ofX = wakeups.add(x);
    Thread notifier = new Thread(() -> wakeups.notified(Set.of(x.toString())));
    notifier.start();
    assertThat(ofX.await(Duration.ofMinutes(5))).isTrue(); // returns once notified, long before the timeout
    notifier.join();
  }
}
