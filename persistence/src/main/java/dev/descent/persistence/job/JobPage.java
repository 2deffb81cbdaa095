package dev.descent.persistence.job;

import java.util.List;

/** One page of jobs, newest first; {@code page} is 0-based. */
public record JobPage(List<JobView> items, int page, int size, long totalElements) {}
