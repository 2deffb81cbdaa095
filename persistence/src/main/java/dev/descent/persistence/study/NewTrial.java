package dev.descent.persistence.study;

/**
 * One trial of a {@link NewStudy}: its number (the release order), arm (null without arms), search point (0 without
 * a search), seed, the values it sets
 * (JSON object of pointer → value) and its job: name, validated spec JSON, priority, attempts.
 */
public record NewTrial(int trial, String arm, int point, long seed, String valuesJson, String jobName, String specJson,
    int priority, int maxAttempts) {}
