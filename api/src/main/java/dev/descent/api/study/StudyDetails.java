package dev.descent.api.study;

import dev.descent.persistence.study.AshaParams;
import dev.descent.persistence.study.RungView;
import dev.descent.persistence.study.StudyView;
import java.util.List;

/** A study as read, with its summary (empty in lists), and its ASHA scheduler (null without) and rung records. */
public record StudyDetails(StudyView study, List<SummaryRow> summary, AshaParams scheduler, List<RungView> rungs) {}
