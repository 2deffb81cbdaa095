package dev.descent.persistence.study;

/** Where a study is: its trials still to run or running, all ended, or cancelled. Stored by name. */
public enum StudyStatus {
  RUNNING,
  SUCCEEDED,
  CANCELLED
}
