package dev.descent.engine.study;

import dev.descent.engine.spec.JobSpec;

/**
 * One job of a study: its number (0-based, the release order), its arm ({@code null} without arms), its search point
 * (0-based; 0 without a search), its seed, the values it sets as a JSON object of pointer → value (the arm's, then the
 * search point's), and its validated job spec.
 */
public record Trial(int index, String arm, int point, long seed, String valuesJson, JobSpec spec) {}
