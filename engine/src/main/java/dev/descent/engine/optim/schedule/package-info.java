/**
 * Learning-rate schedules as JSON-safe DL4J {@code ISchedule}s (they survive {@code ModelSerializer} round trips).
 * {@link dev.descent.engine.optim.schedule.ScheduleSpecs} reads a spec's {@code schedule} object once into a
 * {@link dev.descent.engine.optim.schedule.ScheduleSpec} record (readers per family: {@code DecayReaders},
 * {@code CycleReaders}); {@link dev.descent.engine.optim.schedule.Schedules} builds the schedule from the record. The
 * stateful {@link dev.descent.engine.optim.schedule.ReduceOnPlateauSchedule} is fed by the training loop through
 * {@link dev.descent.engine.optim.schedule.PlateauReports#report} once per epoch.
 */
package dev.descent.engine.optim.schedule;
