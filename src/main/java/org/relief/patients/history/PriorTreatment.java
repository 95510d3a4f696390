package org.relief.patients.history;

import java.time.LocalDate;

/** A treatment the patient had for this pain, with how much it helped. */
public record PriorTreatment(
    TreatmentType type,
    String description,
    LocalDate startedOn,
    LocalDate endedOn,
    TreatmentEffect effect) {

  /** "2021-05-01 – 2021-08-15", "since 2022-01-10", "until 2020-03-01" or "—". */
  public String period() {
    if (startedOn == null && endedOn == null) {
      return "—";
    }
    if (endedOn == null) {
      return "from " + startedOn;
    }
    return startedOn == null ? "until " + endedOn : startedOn + " – " + endedOn;
  }
}
