package dev.descent.api.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The instance's one LISTEN connection: a subscriber added while it runs is listened for (and told to resynchronize
 * once it is), and receives the ids of the jobs a submission queues and changes, on both channels.
 */
class DatabaseNotificationsTests extends ApiTestBase {
  @Autowired DatabaseNotifications notifications;

  /** Records what it is handed. */
  static final class Recorder implements DatabaseNotifications.Subscriber {
    final List<String> payloads = new CopyOnWriteArrayList<>();
    final AtomicInteger resynchronized = new AtomicInteger();

    @Override
    public void notified(Set<String> batch) {
      payloads.addAll(batch);
    }

    @Override
    public void resynchronize() {
      resynchronized.incrementAndGet();
    }
  }

  @Test
  void aSubmissionNotifiesItsJobIdOnBothChannels() {
    Recorder queued = new Recorder();
    Recorder changed = new Recorder();
    notifications.subscribe(DatabaseNotifications.JOB_QUEUED, queued);
    notifications.subscribe(DatabaseNotifications.JOB_CHANGED, changed);
    await("listening").atMost(Duration.ofSeconds(20))
        .until(() -> queued.resynchronized.get() + changed.resynchronized.get() >= 2);

    String id = http().post("/api/v1/jobs", Http.example("iris-mlp")).json().get("id").asText();

    await("job_queued").atMost(Duration.ofSeconds(20)).until(() -> queued.payloads.contains(id));
    await("descent_job_changed").atMost(Duration.ofSeconds(20)).until(() -> changed.payloads.contains(id));
    awaitFinished(id);
    assertThat(changed.payloads).allMatch(p -> p.matches("[0-9a-f-]{36}"));
  }
}
