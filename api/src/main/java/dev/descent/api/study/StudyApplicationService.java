package dev.descent.api.study;

import dev.descent.api.job.JobNotFoundException;
import dev.descent.api.job.WarmStarts;
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

  StudyApplicationService(StudyStore store, StudyReader reader, EngineLimits limits, WarmStarts warmStarts) {
    this.warmStarts = warmStarts;
    this.store = store;
    this.reader = reader;
    this.limits = limits;
  }

  /** Validates and stores a study; throws the engine's {@code SpecException} (nothing stored) when it is invalid. */
  public StudyDetails create(String body) {
    StudySpec spec = StudySpecs.parse(body, limits);
    UUID id = store.create(new NewStudy(spec.name(), body, spec.objective().metric(), spec.objective().mode(),
        spec.objective().threshold(), spec.maxConcurrent(), spec.searchType(),
        spec.trials().stream().map(this::trial).toList(), asha(spec.scheduler()), pbt(spec.pbt())));
    return get(id);
  }

  public StudyDetails get(UUID id) {
    StudyView study = reader.find(id).orElseThrow(() -> notFound(id));
    return new StudyDetails(study, StudySummaries.summarize(study, reader.objective(id, study.objectiveMetric())),
        reader.scheduler(id).orElse(null), reader.rungs(id), reader.pbt(id).isPresent() ? reader.lineage(id) : null);
  }

  /** The PBT lineage of a study (empty without PBT); read through the study first, so an unknown one is 404. */
  public List<LineageView> lineage(UUID id) {
    reader.find(id).orElseThrow(() -> notFound(id));
    return reader.lineage(id);
  }

  public StudyPage list(int page, int size) {
    return reader.list(page, size);
  }

  /** Cancels a running study and its unfinished trials; a study that has ended is returned as it is. */
  public StudyDetails cancel(UUID id) {
    if (!store.cancel(id, "study cancelled")) {
      throw notFound(id);
    }
    return get(id);
  }

  /** A trial to store, its warm start resolved as a single job's is ({@link WarmStarts}; problems under /base). */
  private NewTrial trial(Trial t) {
    JobSpec spec = t.spec();
    String json;
    try {
      json = warmStarts.resolve(spec);
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
