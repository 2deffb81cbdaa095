package dev.descent.api.job;

import java.util.UUID;

/** No job (or no such checkpoint of a job) with that id. */
public class JobNotFoundException extends RuntimeException {
  public JobNotFoundException(UUID id) {
    super("no job with id " + id);
  }

  public JobNotFoundException(String message) {
    super(message);
  }
}
