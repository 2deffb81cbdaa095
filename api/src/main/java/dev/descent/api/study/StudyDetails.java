package dev.descent.api.study;

import dev.descent.persistence.study.AshaParams;
import dev.descent.persistence.study.LineageView;
import dev.descent.persistence.study.RungView;
import dev.descent.persistence.study.StudyView;
import java.util.List;

/**
 * A study as read, with its summary (empty in lists), its ASHA scheduler (null without) and rung records, and its PBT
 * lineage (null without PBT).
 */
public record StudyDetails(StudyView study, List<SummaryRow> summary, AshaParams scheduler, List<RungView> rungs,
    List<LineageView> lineage) {}
