package dev.descent.api.study;

import dev.descent.api.worker.PeriodicTask;
import dev.descent.persistence.study.AshaRule;
import dev.descent.persistence.study.AshaStore;
import dev.descent.persistence.study.PbtRule;
import dev.descent.persistence.study.PbtStore;
import dev.descent.persistence.study.StudyQueue;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every {@code descent.studies.tick-interval} (500 ms), in every role like the queue reaper: takes the due ASHA
 * decisions ({@link AshaStore}: promoted trials wait for a slot again, the others are pruned) and PBT rounds
 * ({@link PbtStore}: exploit and explore, then every member waits for a slot again), queues the next waiting
 * trials of studies with free slots and finishes studies whose jobs have all ended ({@link StudyQueue}). Safe from many
 * instances at once; state lives in PostgreSQL only, so a restarted service goes on where the last tick left off.
 */
@Component
class StudyTicker extends PeriodicTask {
  private static final Logger log = LoggerFactory.getLogger(StudyTicker.class);

  private final StudyQueue studies;
  private final AshaStore asha;
  private final PbtStore pbt;

  StudyTicker(StudyQueue studies, AshaStore asha, PbtStore pbt,
      @Value("${descent.studies.tick-interval:500ms}") Duration interval) {
    super("descent-studies", interval);
    this.studies = studies;
    this.asha = asha;
    this.pbt = pbt;
  }

  @Override
  protected void tick() {
    try {
      List<AshaRule.Decision> decided = asha.tick();
      if (!decided.isEmpty()) {
        log.info("ASHA decisions {}", decided);
      }
      List<PbtRule.Exploit> exploits = pbt.tick();
      if (!exploits.isEmpty()) {
        log.info("PBT exploits {}", exploits);
      }
      List<UUID> released = studies.release();
      if (!released.isEmpty()) {
        log.info("Queued study trials {}", released);
      }
      List<UUID> finished = studies.complete();
      if (!finished.isEmpty()) {
        log.info("Studies finished: {}", finished);
      }
    } catch (RuntimeException e) {
      log.error("Study tick failed; retrying on the next tick", e);
    }
  }
}
