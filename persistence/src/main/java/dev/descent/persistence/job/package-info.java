/**
 * The training job aggregate and its queue. {@link dev.descent.persistence.job.TrainingJob} is the JPA entity whose
 * guarded methods are the only way to change a job's status (the allowed moves are the one table in {@link
 * dev.descent.persistence.job.JobTransitions}); each move appends a {@link dev.descent.persistence.job.JobEvent} to
 * the job's timeline. {@link dev.descent.persistence.job.JobService} creates, cancels and finishes jobs, {@link
 * dev.descent.persistence.job.JobReader} reads them, and {@link dev.descent.persistence.job.JobQueue} claims,
 * heart-beats and reaps them with single SQL statements ({@code FOR UPDATE SKIP LOCKED}).
 */
package dev.descent.persistence.job;
