package dev.descent.persistence.job;

import java.util.Collection;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Loads and stores {@link TrainingJob}s; used by {@link JobService} and {@link JobReader} only. */
interface JobRepository extends JpaRepository<TrainingJob, UUID> {

  Page<TrainingJob> findByStatusIn(Collection<JobStatus> statuses, Pageable pageable);

  Page<TrainingJob> findByStudyId(UUID studyId, Pageable pageable);

  Page<TrainingJob> findByStudyIdAndStatusIn(UUID studyId, Collection<JobStatus> statuses, Pageable pageable);
}
