package dev.descent.api.web;

import dev.descent.api.job.JobApplicationService;
import dev.descent.api.web.generated.CheckpointsApi;
import dev.descent.api.web.generated.model.CheckpointInfo;
import dev.descent.api.web.generated.model.CheckpointList;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** A job's checkpoints and their content (openapi.yaml, tag {@code checkpoints}). */
@RestController
record CheckpointsController(JobApplicationService jobs) implements CheckpointsApi {
  private static final MediaType ZIP = MediaType.parseMediaType("application/zip");
  private static final MediaType GZIP = MediaType.parseMediaType("application/gzip");

  @Override
  public ResponseEntity<CheckpointList> listCheckpoints(UUID id) {
    var checkpoints = jobs.checkpoints(id);
    var best = jobs.bestCheckpoints(id, checkpoints);
    return ResponseEntity.ok(new CheckpointList(checkpoints.stream()
        .map(c -> info(c).best(best.contains(c.id()))).toList()));
  }

  @Override
  public ResponseEntity<Resource> downloadCheckpoint(UUID id, UUID checkpointId) {
    var info = jobs.checkpoint(id, checkpointId);
    var content = new BufferedInputStream(jobs.checkpointContent(id, checkpointId));
    boolean gzip = isGzip(content);
    String filename = "descent-" + id + "-" + info.kind() + "-step" + info.step() + (gzip ? ".gz" : ".zip");
    return ResponseEntity.ok()
        .contentType(gzip ? GZIP : ZIP)
        .eTag("\"" + info.sha256() + "\"")
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .contentLength(info.sizeBytes())
        .body(new InputStreamResource(content));
  }

  /**
   * Whether the content starts with gzip's magic bytes (an online job's weight snapshot) rather than a zip's (a
   * network checkpoint written by DL4J's ModelSerializer); the stream is left at its start.
   */
  private static boolean isGzip(BufferedInputStream content) {
    try {
      content.mark(2);
      int first = content.read();
      int second = content.read();
      content.reset();
      return first == 0x1f && second == 0x8b;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CheckpointInfo info(dev.descent.persistence.checkpoint.CheckpointInfo c) {
    CheckpointInfo info =
        new CheckpointInfo(c.id(), c.kind(), c.step(), c.epoch(), c.sizeBytes(), c.sha256(),
            JobMapper.time(c.createdAt()));
    info.setAttempt(c.attempt());
    info.setMetrics(c.metrics());
    return info;
  }
}
