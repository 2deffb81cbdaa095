package dev.descent.persistence.study;

import java.time.Instant;
import java.util.UUID;

/**
 * One member's PBT decision at one round: the round (from 1) and its end in epochs, the member's objective value and
 * rank there (0 = best), and when it exploited: its source trial, the source's checkpoint and the copy it continues
 * from; its tracked values before and after (JSON objects of pointer → value), and when it was decided.
 */
public record LineageView(int round, int trial, int epochs, double value, int rank, Integer sourceTrial,
    UUID sourceCheckpointId, UUID newCheckpointId, String valuesBeforeJson, String valuesAfterJson,
    Instant decidedAt) {}
