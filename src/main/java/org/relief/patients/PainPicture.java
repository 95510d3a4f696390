package org.relief.patients;

import java.util.List;

/**
 * A patient's pain history and coded body map in a clinician's words, for modules that summarise
 * the patient (the pre-visit summary). Texts are labels and what staff typed; "—" where a part of a
 * recorded history is empty.
 *
 * @param historyRecorded whether a pain history was recorded; the history's texts are {@code null}
 *     when not
 * @param onset "2024-03-15", "March 2024" or "2024"; {@code null} when not recorded
 * @param mechanism how the pain began, with the note staff typed; {@code null} when not recorded
 * @param bodyMapRecorded whether a body map was recorded
 * @param regions the regions where it hurts, in the catalogue's order (front view first)
 */
public record PainPicture(
    long patientId,
    boolean historyRecorded,
    String onset,
    String mechanism,
    String character,
    String worseWith,
    String betterWith,
    List<Treatment> treatments,
    boolean bodyMapRecorded,
    List<Region> regions) {

  public PainPicture {
    treatments = List.copyOf(treatments);
    regions = List.copyOf(regions);
  }

  /**
   * A treatment the patient had for this pain.
   *
   * @param period "2021-05-01 – 2021-08-15", "from 2022-01-10", "until 2020-03-01" or "—"
   * @param effect how much it helped; {@code null} when not known
   */
  public record Treatment(String type, String description, String period, String effect) {}

  /**
   * A coded body-map region.
   *
   * @param code as stored, e.g. {@code back.lumbar.left}
   * @param view "Front" or "Back"
   */
  public record Region(String code, String label, String view) {}
}
