package dev.descent.api.web;

import dev.descent.api.study.StudyApplicationService;
import dev.descent.api.web.generated.StudiesApi;
import dev.descent.api.web.generated.model.PbtLineageEvent;
import dev.descent.api.web.generated.model.Study;
import dev.descent.api.web.generated.model.StudyPage;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Create, list, read (with a PBT study's lineage) and cancel studies (openapi.yaml, tag {@code studies}). */
@RestController
record StudiesController(StudyApplicationService studies, StudyMapper mapper) implements StudiesApi {
  @Override
  public ResponseEntity<Study> createStudy(String body, String idempotencyKey) {
    Study study = mapper.toStudy(studies.create(body));
    return ResponseEntity.created(URI.create("/api/v1/studies/" + study.getId())).body(study);
  }

  @Override
  public ResponseEntity<StudyPage> listStudies(Integer page, Integer size) {
    var found = studies.list(page, size);
    int totalPages = (int) ((found.totalElements() + size - 1) / size);
    return ResponseEntity.ok(new StudyPage(found.items().stream().map(mapper::toListed).toList(), page, size,
        found.totalElements(), totalPages));
  }

  @Override
  public ResponseEntity<Study> getStudy(UUID id) {
    return ResponseEntity.ok(mapper.toStudy(studies.get(id)));
  }

  @Override
  public ResponseEntity<List<PbtLineageEvent>> getStudyLineage(UUID id) {
    return ResponseEntity.ok(studies.lineage(id).stream().map(mapper::lineage).toList());
  }

  @Override
  public ResponseEntity<Study> cancelStudy(UUID id) {
    return ResponseEntity.ok(mapper.toStudy(studies.cancel(id)));
  }
}
