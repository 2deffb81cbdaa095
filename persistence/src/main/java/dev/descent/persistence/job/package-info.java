/**
 * The training job aggregate and its queue. The allowed status changes are the one table in {@link
 * dev.descent.persistence.job.JobTransitions}: {@link dev.descent.persistence.job.TrainingJob}, the JPA entity, checks
 * its guarded methods against it, and the queue's SQL is built from it; each move appends a {@link
 * dev.descent.persistence.job.JobEvent} to the job's timeline. {@link dev.descent.persistence.job.JobService}
 * creates, cancels and finishes jobs, {@link dev.descent.persistence.job.JobReader} reads them, and {@link
 * dev.descent.persistence.job.JobQueue} claims, heart-beats and reaps them with single SQL statements ({@code FOR
 * UPDATE SKIP LOCKED}).
 */
package dev.descent.persistence.job;
