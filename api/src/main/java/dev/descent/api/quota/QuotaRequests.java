package dev.descent.api.quota;

import dev.descent.engine.validation.FieldReader;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import dev.descent.persistence.quota.QuotaLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of {@code PUT /api/v1/tenants/{tenantId}/quotas} with the spec readers' rules: each quota a whole
 * number ≥ 0 (the retention in days ≥ 1), or null or absent for the service default; an unknown field is
 * {@link FieldReader#unknownFields}' problem at its pointer; all problems together, one 422.
 */
final class QuotaRequests {
  private static final String RUNNING = "maxRunningJobs";
  private static final String QUEUED = "maxQueuedJobs";
  private static final String CHECKPOINT = "maxCheckpointBytes";
  private static final String DATA = "maxDataBytes";
  private static final String RETENTION = "finishedJobRetentionDays";
  private static final Set<String> FIELDS = Set.of(RUNNING, QUEUED, CHECKPOINT, DATA, RETENTION);

  /** About 1,000 years: a longer retention is no retention (null). */
  private static final long MAX_RETENTION_DAYS = 365_000;

  private QuotaRequests() {}

  static QuotaLimits read(JsonMapper json, String body) {
    JsonNode node;
    try {
      node = json.readTree(body == null ? "" : body);
    } catch (JacksonException e) {
      throw new SpecException("", "malformed JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new SpecException("", "must be an object of quotas");
    }
    List<Violation> violations = new ArrayList<>(FieldReader.unknownFields(node.propertyNames(), "", FIELDS));
    Long running = count(node, RUNNING, 0, Integer.MAX_VALUE, violations);
    Long queued = count(node, QUEUED, 0, Integer.MAX_VALUE, violations);
    Long checkpoint = count(node, CHECKPOINT, 0, Long.MAX_VALUE, violations);
    Long data = count(node, DATA, 0, Long.MAX_VALUE, violations);
    Long retention = count(node, RETENTION, 1, MAX_RETENTION_DAYS, violations);
    if (!violations.isEmpty()) {
      throw new SpecException(violations);
    }
    return new QuotaLimits(toInt(running), toInt(queued), checkpoint, data, toInt(retention));
  }

  private static Long count(JsonNode o, String name, long min, long max, List<Violation> violations) {
    JsonNode node = o.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < min || node.asLong() > max) {
      violations.add(new Violation(FieldReader.pointer("", name), "must be a whole number from " + min + " to " + max
          + ", or null for the service default"));
      return null;
    }
    return node.asLong();
  }

  private static Integer toInt(Long value) {
    return value == null ? null : value.intValue();
  }
}
