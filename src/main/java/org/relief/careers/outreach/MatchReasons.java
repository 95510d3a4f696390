package org.relief.careers.outreach;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.relief.careers.matching.CompensationEstimate;
import org.relief.careers.matching.JobMatch;
import org.relief.careers.matching.RequirementCheck;
import org.relief.careers.matching.StatePath;
import org.relief.careers.matching.WrvuPart;

/**
 * Writes a {@link JobMatch} out as the "why you were matched" lines Relief attaches to a
 * recruiter's message (careers.md, "the message says why they were matched"). The lines are for the
 * specialist: they carry the specialist's own volumes and which of their private criteria the job
 * meets, so they are stored with the message and shown in the specialist's inbox, never on a
 * recruiter's page.
 */
final class MatchReasons {

  private MatchReasons() {}

  static List<ReasonLine> of(JobMatch m) {
    List<ReasonLine> lines = new ArrayList<>();
    lines.add(new ReasonLine(ReasonSection.SUMMARY, capitalised(m.summary()), null, ""));
    for (RequirementCheck c : m.checks()) {
      lines.add(
          new ReasonLine(
              ReasonSection.REQUIREMENT, c.name() + " (" + c.kind() + ")", c.met(), c.detail()));
    }
    for (StatePath p : m.states()) {
      lines.add(
          new ReasonLine(
              ReasonSection.LICENCE,
              p.state() + ": " + p.licence().label(),
              null,
              p.licenceDetail() + " " + p.deaDetail()));
    }
    pay(m.compensation(), lines);
    for (String note : m.preferenceNotes()) {
      lines.add(new ReasonLine(ReasonSection.CRITERIA, note, null, ""));
    }
    return List.copyOf(lines);
  }

  private static void pay(CompensationEstimate e, List<ReasonLine> lines) {
    if (e.baseLow() != null) {
      lines.add(
          pay(
              "Base",
              e.baseHigh().equals(e.baseLow())
                  ? dollars(e.baseLow())
                  : dollars(e.baseLow()) + "–" + dollars(e.baseHigh())));
    }
    for (WrvuPart w : e.wrvuParts()) {
      lines.add(
          pay(
              "wRVUs from " + w.family().label(),
              w.casesPerYear()
                  + " cases x "
                  + w.perCase().toPlainString()
                  + " wRVUs = "
                  + w.wrvus().setScale(1, RoundingMode.HALF_UP).toPlainString()));
    }
    if (e.wrvuRate() != null) {
      int threshold = e.wrvuThreshold() == null ? 0 : e.wrvuThreshold();
      lines.add(
          pay(
              "Productivity pay",
              "$"
                  + e.wrvuRate().stripTrailingZeros().toPlainString()
                  + " x ("
                  + e.projectedWrvus().setScale(1, RoundingMode.HALF_UP).toPlainString()
                  + " projected wRVUs − threshold "
                  + threshold
                  + ", not below 0) = "
                  + dollars(e.productivityPay())));
    }
    if (e.callPay() > 0) {
      lines.add(
          pay(
              "Call pay",
              dollars(e.callPayPerNight())
                  + " x "
                  + e.callNightsPerMonth()
                  + " nights a month x 12 = "
                  + dollars(e.callPay())));
    }
    if (e.hasTotal()) {
      lines.add(
          pay(
              "Estimated total a year",
              e.totalHigh().equals(e.totalLow())
                  ? dollars(e.totalLow())
                  : dollars(e.totalLow()) + "–" + dollars(e.totalHigh())));
    }
    for (String once : e.oneTime()) {
      lines.add(pay("One-time, not in the total", once));
    }
    for (String note : e.notes()) {
      lines.add(pay("Note", note));
    }
  }

  private static ReasonLine pay(String label, String detail) {
    return new ReasonLine(ReasonSection.PAY, label, null, detail);
  }

  static String dollars(int amount) {
    return NumberFormat.getCurrencyInstance(Locale.US).format(amount).replace(".00", "");
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
