package dev.descent.engine.optim.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.spec.Violation;
import java.util.List;
import org.nd4j.linalg.schedule.ISchedule;

/** Reads a spec's {@code schedule} object into an {@link ISchedule}. */
public final class ScheduleSpecs {
  private ScheduleSpecs() {}

  /** The schedule, or null for none; problems are added to {@code violations} under {@code /schedule}. */
  public static ISchedule read(JsonNode schedule, double baseLr, int iterationsPerEpoch, List<Violation> violations) {
    if (schedule == null || schedule.isNull()) {
      return null;
    }
    violations.add(new Violation("/schedule/type", "unknown schedule"));
    return null;
  }
}
