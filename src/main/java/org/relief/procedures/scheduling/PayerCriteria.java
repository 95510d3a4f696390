package org.relief.procedures.scheduling;

import java.util.List;
import org.relief.procedures.BookedProcedure;

/**
 * What the prior-authorisation item reminds the staff of: the Medicare coverage criteria of
 * clinical-rules.md §4 for the procedure's family. Reminders for the person checking the payer's
 * requirements, not a coverage decision.
 */
final class PayerCriteria {

  private static final List<String> ESI =
      List.of("lumbar-tfesi", "cervical-tfesi", "lumbar-ilesi", "cervical-ilesi", "caudal-esi");
  private static final List<String> TRANSFORAMINAL = List.of("lumbar-tfesi", "cervical-tfesi");
  private static final List<String> BLOCKS = List.of("lumbar-mbb", "cervical-mbb", "thoracic-mbb");
  private static final List<String> RFA = List.of("lumbar-rfa", "cervical-rfa");

  private PayerCriteria() {}

  static String hint(BookedProcedure booking) {
    String type = booking.procedureType();
    int levels = booking.levels().size();
    if (ESI.contains(type)) {
      int allowed = TRANSFORAMINAL.contains(type) ? 2 : 1;
      return "Medicare ESI LCD (clinical-rules.md §4b, secondary sources): radicular pain for at"
          + " least 4 weeks despite conservative care, concordant imaging, pain and function"
          + " scales at baseline; CT or fluoroscopy with contrast; at most "
          + allowed
          + (allowed == 1 ? " level" : " levels")
          + " per session and 4 sessions per region in 12 months."
          + overLevels(levels, allowed);
    }
    if (BLOCKS.contains(type)) {
      return "Medicare facet LCD (clinical-rules.md §4a): predominantly axial pain for at least 3"
          + " months despite conservative care, pain or disability scale at baseline and after"
          + " each block (same scale); a second diagnostic block only after at least 80% relief"
          + " from the first. Levels per session differ by contractor (unconfirmed — confirm"
          + " locally).";
    }
    if (RFA.contains(type)) {
      return "Medicare facet LCD (clinical-rules.md §4a): two diagnostic medial branch blocks at"
          + " the same levels, each with at least 80% relief of the index pain; a repeat RFA"
          + " needs at least 50% improvement for 6 months (unconfirmed — confirm locally).";
    }
    if (type.equals("scs-trial") || type.equals("drg-trial")) {
      return "Spinal cord stimulation (clinical-rules.md §4c): other treatments tried and failed,"
          + " multidisciplinary screening with a psychological evaluation, no active substance"
          + " misuse, risks and benefits discussed and documented.";
    }
    if (type.equals("scs-implant")) {
      return "Spinal cord stimulation (clinical-rules.md §4c): a documented successful trial"
          + " before the permanent implant (at least 50% relief is the payers' usual threshold —"
          + " unconfirmed — confirm locally).";
    }
    return "clinical-rules.md §4 has no Medicare coverage rule for this procedure; check the"
        + " payer's own requirements.";
  }

  private static String overLevels(int booked, int allowed) {
    return booked > allowed
        ? " This booking has " + booked + " levels: more than the LCD allows in one session."
        : "";
  }
}
