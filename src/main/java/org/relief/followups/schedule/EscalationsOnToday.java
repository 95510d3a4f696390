package org.relief.followups.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.relief.followups.Escalations;
import org.relief.review.TodayItems;
import org.springframework.stereotype.Component;

/** A physician's open escalations from the evening work-list, on their Today page. */
@Component
class EscalationsOnToday implements TodayItems {

  private final Escalations escalations;

  EscalationsOnToday(Escalations escalations) {
    this.escalations = escalations;
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public String heading() {
    return "Escalations from the follow-up work-list";
  }

  @Override
  public List<Item> forClinician(long clinicianId, LocalDate day) {
    return escalations.openFor(clinicianId).stream()
        .map(
            e ->
                new Item(
                    e.patientId(),
                    e.timepoint()
                        + " follow-up"
                        + (e.redFlags().isEmpty()
                            ? ""
                            : ": "
                                + e.redFlags().stream()
                                    .map(org.relief.followups.RedFlag::label)
                                    .collect(Collectors.joining(", ")))
                        + " — escalated by "
                        + e.raisedBy(),
                    "/followups"))
        .toList();
  }
}
