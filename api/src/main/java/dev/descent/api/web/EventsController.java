package dev.descent.api.web;

import dev.descent.api.dashboard.EventStreams;
import dev.descent.api.job.JobApplicationService;
import dev.descent.api.security.Ownership;
import dev.descent.api.web.generated.model.Job;
import dev.descent.persistence.job.JobView;
import dev.descent.persistence.metric.MetricEvent;
import dev.descent.persistence.support.Visibility;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events for dashboards (openapi.yaml, tag {@code events}). Written by hand rather than from the generated
 * interface, whose {@code ResponseEntity<String>} cannot stream.
 */
@RestController
record EventsController(EventStreams streams, JobApplicationService jobs, JobMapper mapper) {
  private static final Set<String> FINISHED = Set.of("SUCCEEDED", "FAILED", "CANCELLED");
  static final int METRIC_BATCH = 2_000;
  static final int LIST_SIZE = 100;

  @GetMapping(path = "/api/v1/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter jobEvents(@PathVariable("id") UUID id,
      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventHeader,
      @RequestParam(value = "lastEventId", required = false) Long lastEventParam) {
    Visibility visibility = Ownership.visibility();
    jobs.get(id, visibility);
    long[] last = {lastEventId(lastEventHeader, lastEventParam)};
    String[] fingerprint = {null};
    return open(id, sender -> {
      Job job = mapper.toJob(jobs.get(id, visibility));
      String now = fingerprint(job);
      if (!now.equals(fingerprint[0])) {
        sender.event("job", null, job);
        fingerprint[0] = now;
      }
      List<MetricEvent> points = jobs.metricsSince(id, last[0], METRIC_BATCH);
      for (MetricEvent p : points) {
        sender.event("metric", Long.toString(p.seq()),
            Map.of("name", p.name(), "step", p.step(), "epoch", p.epoch(), "value", p.value()));
        last[0] = p.seq();
      }
      if (FINISHED.contains(job.getStatus().getValue()) && points.isEmpty()) {
        sender.event("end", null, Map.of("status", job.getStatus().getValue()));
        return false;
      }
      return true;
    });
  }

  @GetMapping(path = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter allEvents() {
    Visibility visibility = Ownership.visibility(); // the stream is polled outside this request: fixed now
    Map<UUID, String> seen = new HashMap<>();
    return open(null, sender -> {
      for (JobView view : jobs.list(List.of(), null, 0, LIST_SIZE, true, visibility).items()) {
        Job job = mapper.toJob(view);
        String now = fingerprint(job);
        if (!now.equals(seen.put(job.getId(), now))) {
          sender.event("job", null, job);
        }
      }
      return true;
    });
  }

  private SseEmitter open(UUID job, EventStreams.Source source) {
    SseEmitter emitter = streams.open(job, source);
    if (emitter == null) {
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "too many event streams; retry later");
    }
    return emitter;
  }

  private static String fingerprint(Job job) {
    return job.getStatus() + ":" + job.getAttempt() + ":" + job.getProgress().getIteration() + ":"
        + job.getProgress().getEpoch();
  }

  private static long lastEventId(String header, Long param) {
    if (param != null) {
      return param;
    }
    if (header == null || header.isBlank()) {
      return 0;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("Last-Event-ID", "must be an event id this server sent");
    }
  }
}
