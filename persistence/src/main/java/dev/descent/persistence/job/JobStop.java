package dev.descent.persistence.job;

import java.util.Objects;

/**
 * Why a run stopped before its epochs were done: {@code reason} {@value #EARLY_STOPPING} or {@value #RULE},
 * {@code detailJson} a JSON object saying more (stored as {@code job.stop_detail} and on the timeline event), and
 * {@code description}, the words of the timeline event.
 */
public record JobStop(String reason, String detailJson, String description) {
  public static final String EARLY_STOPPING = "early_stopping";
  public static final String RULE = "rule";

  public JobStop {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(description, "description");
  }
}
