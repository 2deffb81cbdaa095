package dev.descent.persistence.job;

import java.util.UUID;

/** A job a worker has just claimed: what to train and which attempt this is (1 for the first claim). */
public record ClaimedJob(UUID id, String name, String specJson, int priority, int attempt, int maxAttempts) {}
