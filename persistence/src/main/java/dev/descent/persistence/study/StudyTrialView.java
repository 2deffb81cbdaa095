package dev.descent.persistence.study;

import dev.descent.persistence.job.JobStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * One trial as read: number, arm (null without arms), search point, seed, values JSON, its job and that job's status
 * and times.
 */
public record StudyTrialView(int trial, String arm, int point, long seed, String valuesJson, UUID jobId,
    JobStatus status, Instant startedAt, Instant finishedAt) {}
