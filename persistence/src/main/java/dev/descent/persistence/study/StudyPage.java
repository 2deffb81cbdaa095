package dev.descent.persistence.study;

import java.util.List;

/** One page of studies, newest first, with the total count. */
public record StudyPage(List<StudyView> items, int page, int size, long totalElements) {}
