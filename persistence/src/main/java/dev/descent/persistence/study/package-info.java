/**
 * Studies in PostgreSQL: {@link dev.descent.persistence.study.StudyStore} creates a study with all its trial jobs
 * (WAITING) in one transaction and cancels one; {@link dev.descent.persistence.study.StudyQueue} releases waiting
 * trials into the job queue as their study's slots free (one statement per tick, studies locked
 * {@code SKIP LOCKED}) and finishes studies whose jobs have all ended;
 * {@link dev.descent.persistence.study.StudyReader}
 * reads them.
 */
package dev.descent.persistence.study;
