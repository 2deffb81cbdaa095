package dev.descent.api.study;

import dev.descent.persistence.study.StudyView;
import java.util.List;

/** A study as read, with its summary (empty in lists). */
public record StudyDetails(StudyView study, List<SummaryRow> summary) {}
