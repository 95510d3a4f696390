package org.relief.followups.schedule;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of follow-ups ({@code relief.followups.*}).
 *
 * @param linkBaseUrl the address patients reach Relief at, for the links in reminders
 *     (http://localhost:8080 unless set)
 * @param roundsCron when the rounds run (every 10 minutes unless set; {@code -} turns the timer
 *     off, leaving the work-list's own run)
 * @param severeWorseningPgicFrom a PGIC answer from which the patient is flagged as severely worse
 *     (6, "much worse", unless set; the 7-point wording is U in clinical-rules.md §3.12, so the
 *     work-list shows it as unconfirmed)
 * @param missedCallAttempts unanswered calls after which a missed follow-up leaves the list (3)
 * @param missedListDays how many days after its window closed a missed follow-up stays on the list
 *     (14): an older one is not worth an evening call, and a procedure entered late would flood it
 * @param scheduleOnProcedure whether every performed procedure gets its follow-ups (true unless
 *     set); a practice that follows patients up in another system turns it off
 * @param anaesthetics the local anaesthetics of diagnostic blocks and how long their relief is
 *     expected to last; not in clinical-rules.md, so shown as unconfirmed unless marked confirmed
 */
@ConfigurationProperties("relief.followups")
public record FollowUpSettings(
    String linkBaseUrl,
    String roundsCron,
    Integer severeWorseningPgicFrom,
    Integer missedCallAttempts,
    Integer missedListDays,
    Boolean scheduleOnProcedure,
    Map<String, Anaesthetic> anaesthetics) {

  /**
   * A local anaesthetic of a diagnostic block.
   *
   * @param expectedRelief the least time its relief is expected to last
   * @param source where the duration comes from
   * @param confirmed whether the practice confirmed it locally
   */
  public record Anaesthetic(
      String name, Duration expectedRelief, String source, boolean confirmed) {

    public Anaesthetic {
      if (expectedRelief == null || expectedRelief.isNegative() || expectedRelief.isZero()) {
        throw new IllegalArgumentException(
            "relief.followups.anaesthetics.*.expected-relief must be a positive duration");
      }
    }
  }

  private static final String UNCONFIRMED_SOURCE =
      "Commonly quoted duration; not in clinical-rules.md (unconfirmed)";

  public FollowUpSettings {
    linkBaseUrl =
        linkBaseUrl == null || linkBaseUrl.isBlank()
            ? "http://localhost:8080"
            : linkBaseUrl.strip().replaceAll("/+$", "");
    severeWorseningPgicFrom = severeWorseningPgicFrom == null ? 6 : severeWorseningPgicFrom;
    missedCallAttempts = missedCallAttempts == null ? 3 : missedCallAttempts;
    missedListDays = missedListDays == null ? 14 : missedListDays;
    scheduleOnProcedure = scheduleOnProcedure == null || scheduleOnProcedure;
    if (severeWorseningPgicFrom < 1 || severeWorseningPgicFrom > 7) {
      throw new IllegalArgumentException(
          "relief.followups.severe-worsening-pgic-from must be a PGIC answer, 1 to 7");
    }
    if (missedCallAttempts < 1) {
      throw new IllegalArgumentException("relief.followups.missed-call-attempts must be 1 or more");
    }
    if (anaesthetics == null || anaesthetics.isEmpty()) {
      Map<String, Anaesthetic> defaults = new LinkedHashMap<>();
      defaults.put(
          "lidocaine",
          new Anaesthetic("Lidocaine", Duration.ofHours(1), UNCONFIRMED_SOURCE, false));
      defaults.put(
          "bupivacaine",
          new Anaesthetic("Bupivacaine", Duration.ofHours(3), UNCONFIRMED_SOURCE, false));
      anaesthetics = defaults;
    }
    anaesthetics = Map.copyOf(anaesthetics);
  }
}
