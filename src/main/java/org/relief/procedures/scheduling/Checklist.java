package org.relief.procedures.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.relief.procedures.AnticoagulationPlan;
import org.relief.procedures.BookedProcedure;
import org.relief.procedures.Readiness;

/**
 * A booking's readiness checklist as it stands now.
 *
 * @param plan the anticoagulation plan computed from the current medication list; {@code null} when
 *     the patient takes nothing that matters for bleeding or the plan could not be made
 */
public record Checklist(
    BookedProcedure booking, List<Item> items, Readiness readiness, AnticoagulationPlan plan) {

  public Checklist {
    items = List.copyOf(items);
  }

  /** Where an item stands. Done and not applicable are green. */
  public enum State {
    OPEN("open", "Open"),
    DONE("done", "Done"),
    NOT_APPLICABLE("not-applicable", "Not applicable"),
    OVERRIDDEN("overridden", "Overridden");

    private final String code;
    private final String label;

    State(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }

    public boolean green() {
      return this == DONE || this == NOT_APPLICABLE;
    }
  }

  /**
   * One item.
   *
   * @param automatic whether Relief decided the state from the record (no one ticked it)
   * @param why what Relief found, or the reason given; {@code null} when nothing to say
   * @param recordedBy the display name of whoever recorded the state; {@code null} if automatic
   * @param note the note given with the state
   * @param prescriber for the anticoagulation item: the prescriber the plan was confirmed with
   * @param discussedOn for the anticoagulation item: the day it was confirmed with the prescriber
   * @param hint what to check, e.g. the payer criteria for prior authorisation
   */
  public record Item(
      ReadinessItem item,
      State state,
      boolean automatic,
      String why,
      String recordedBy,
      Instant recordedAt,
      String note,
      String prescriber,
      LocalDate discussedOn,
      String hint) {

    /** Open and decided by people (not automatic): what a person can tick or override. */
    public boolean open() {
      return state == State.OPEN;
    }
  }

  public List<Item> openItems() {
    return items.stream().filter(Item::open).toList();
  }
}
