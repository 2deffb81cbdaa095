package dev.descent.persistence.job;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Loads and stores {@link TrainingJob}s for {@link JobService}'s changes ({@link JobReader} reads with SQL). */
interface JobRepository extends JpaRepository<TrainingJob, UUID> {}
