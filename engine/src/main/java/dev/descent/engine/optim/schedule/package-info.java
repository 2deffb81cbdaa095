/**
 * Learning-rate schedules as JSON-safe DL4J {@code ISchedule}s (they survive {@code ModelSerializer} round trips),
 * and {@link dev.descent.engine.optim.schedule.ScheduleSpecs}, which reads a spec's {@code schedule} object. The
 * stateful {@link dev.descent.engine.optim.schedule.ReduceOnPlateauSchedule} is fed by the training loop through
 * {@link dev.descent.engine.optim.schedule.PlateauReports#report} once per epoch.
 */
package dev.descent.engine.optim.schedule;
