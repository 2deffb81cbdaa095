package dev.descent.persistence.study;

import dev.descent.persistence.job.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A snapshot of a study: its row (search type null without a search), the number of its jobs in each status, and
 * (when read alone) its trials in order; a listed study's {@code trials} is empty.
 */
public record StudyView(UUID id, String name, StudyStatus status, String bodyJson, String objectiveMetric,
    String objectiveMode, Double objectiveThreshold, int maxConcurrent, String searchType, Instant createdAt,
    Instant finishedAt, Map<JobStatus, Integer> counts, List<StudyTrialView> trials) {}
