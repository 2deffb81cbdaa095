package dev.descent.api.study;

import dev.descent.api.dataset.DataFileAccess;
import dev.descent.api.job.JobNotFoundException;
import dev.descent.api.job.WarmStarts;
import dev.descent.api.quota.Quotas;
import dev.descent.api.security.Ownership;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.JobSpec;
import dev.descent.engine.study.Pbt;
import dev.descent.engine.study.Scheduler;
import dev.descent.engine.study.StudySpec;
import dev.descent.engine.study.StudySpecs;
import dev.descent.engine.study.Trial;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import dev.descent.persistence.study.AshaParams;
import dev.descent.persistence.study.LineageView;
import dev.descent.persistence.study.NewStudy;
import dev.descent.persistence.study.NewTrial;
import dev.descent.persistence.study.PbtParams;
import dev.descent.persistence.study.StudyPage;
import dev.descent.persistence.study.StudyReader;
import dev.descent.persistence.study.StudyStore;
import dev.descent.persistence.study.StudyView;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What the REST layer may do with studies: create (the whole body validated by the engine before anything is stored,
 * then the study and all its trial jobs stored in one transaction), read with the summary and its PBT lineage, list,
 * cancel.
 */
@Service
public class StudyApplicationService {
  private final StudyStore store;
  private final StudyReader reader;
  private final EngineLimits limits;
  private final WarmStarts warmStarts;
  private final Quotas quotas;
  private final DataFileAccess dataFiles;

  StudyApplicationService(StudyStore store, StudyReader reader, EngineLimits limits, WarmStarts warmStarts,
      Quotas quotas, DataFileAccess dataFiles) {
    this.warmStarts = warmStarts;
    this.quotas = quotas;
    this.dataFiles = dataFiles;
    this.store = store;
    this.reader = reader;
    this.limits = limits;
  }

  /**
   * Validates and stores a study owned by the caller's tenant (its trials too); throws the engine's {@code
   * SpecException} (nothing stored) when it is invalid, a quota problem when the tenant is at a quota ({@link
   * Quotas#admit}).
   */
  public StudyDetails create(String body) {
    dataFiles.checkReads(body, "/base");
    StudySpec spec = StudySpecs.parse(body, limits);
    NewStudy study = new NewStudy(spec.name(), body, spec.objective().metric(), spec.objective().mode(),
        spec.objective().threshold(), spec.maxConcurrent(), spec.searchType(),
        spec.trials().stream().map(this::trial).toList(), asha(spec.scheduler()), pbt(spec.pbt()));
    UUID owner = Ownership.owner();
    return get(quotas.admit(owner, () -> store.create(study, owner)));
  }

  /** The study, if the caller sees it ({@link Ownership}); else, as when there is none, not found. */
  public StudyDetails get(UUID id) {
    StudyView study = reader.find(id, Ownership.visibility()).orElseThrow(() -> notFound(id));
    return new StudyDetails(study, StudySummaries.summarize(study, reader.objective(id, study.objectiveMetric())),
        reader.scheduler(id).orElse(null), reader.rungs(id), reader.pbt(id).isPresent() ? reader.lineage(id) : null);
  }

  /** The PBT lineage of a study (empty without PBT); read through the study first: unknown or unseen is 404. */
  public List<LineageView> lineage(UUID id) {
    reader.find(id, Ownership.visibility()).orElseThrow(() -> notFound(id));
    return reader.lineage(id);
  }

  public StudyPage list(int page, int size) {
    return reader.list(page, size, Ownership.visibility());
  }

  /** Cancels a running study and its unfinished trials; a study that has ended is returned as it is. */
  public StudyDetails cancel(UUID id) {
    get(id);
    if (!store.cancel(id, "study cancelled")) {
      throw notFound(id);
    }
    return get(id);
  }

  /**
   * A trial to store, its warm start resolved as a single job's is ({@link WarmStarts}) and its data paths checked
   * ({@link DataFileAccess#checkReads}); problems under /base.
   */
  private NewTrial trial(Trial t) {
    JobSpec spec = t.spec();
    String json;
    try {
      json = warmStarts.resolve(spec);
      dataFiles.checkReads(json, ""); // a search may vary the data path: each trial's, as the caller sees files
    } catch (SpecException e) {
      throw new SpecException(e.violations().stream().map(v -> new Violation("/base" + v.pointer(), v.message()))
          .toList());
    }
    return new NewTrial(t.index(), t.arm(), t.point(), t.seed(), t.valuesJson(), spec.name(), json,
        spec.priority(), spec.maxAttempts());
  }

  private static AshaParams asha(Scheduler s) {
    return s == null ? null : new AshaParams(s.minEpochs(), s.reductionFactor(), s.maxEpochs());
  }

  private static PbtParams pbt(Pbt p) {
    return p == null ? null : new PbtParams(p.population(), p.interval(), p.quantile(), p.epochs(), p.sampleSeed(),
        p.tracked(), p.mutations().stream().map(m -> new PbtParams.Mutation(m.pointer(), m.factors(), m.low(),
            m.high(), m.integral())).toList());
  }

  private static JobNotFoundException notFound(UUID id) {
    return new JobNotFoundException("no study " + id);
  }
}
