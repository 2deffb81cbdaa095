/**
 * Studies over the REST API: {@link dev.descent.api.study.StudyApplicationService} reads a study body with the
 * engine's {@code StudySpecs} (nothing stored when it is invalid) and stores it through persistence's
 * {@code StudyStore}; {@link dev.descent.api.study.StudyTicker} releases trials and finishes studies every tick in
 * every role; {@link dev.descent.api.study.StudySummaries} computes a study's summary from its trials' objective.
 */
package dev.descent.api.study;
