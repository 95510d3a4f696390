package org.relief.review;

import java.time.LocalDate;
import java.util.List;

/**
 * A list another module contributes to each clinician's Today page, such as the escalations of the
 * follow-up work-list. The Today page shows one section per bean, in {@link #order()}, under each
 * clinician's clinic list, and shows nothing of it when no module provides one (so nothing is ever
 * faked). Like {@link org.relief.platform.ChartSection}, it keeps {@code review} free of the
 * modules behind it.
 *
 * <p>An implementation reads its own data and audits that read; its items carry the patient's ID
 * and a short text for the clinician, never more than the clinician may see.
 */
public interface TodayItems {

  /** Position among the contributed sections, smaller first. */
  int order();

  /** The section's heading, e.g. "Escalations from the follow-up work-list". */
  String heading();

  /** The items for one clinician on one day; empty when there are none. */
  List<Item> forClinician(long clinicianId, LocalDate day);

  /**
   * One line of the section.
   *
   * @param href where the clinician acts on it (a page of the contributing module)
   */
  record Item(long patientId, String text, String href) {}
}
