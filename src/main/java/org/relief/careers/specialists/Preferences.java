package org.relief.careers.specialists;

import java.util.List;
import java.util.Set;
import org.relief.careers.jobs.PracticeSetting;

/**
 * What the specialist is looking for. Private: only the specialist and the matching see it; no
 * page, packet or message for an employer carries it (careers.md, consent-gated outreach).
 *
 * @param states where they would work (empty: anywhere)
 * @param minCompensation the least total compensation a year worth hearing about, US dollars
 * @param maxCallNights the most call nights a month they accept
 * @param settings the practice settings they consider (empty: any)
 * @param allowContact whether recruiters whose jobs meet these criteria may write to them
 */
public record Preferences(
    List<String> states,
    Integer minCompensation,
    Integer maxCallNights,
    Set<PracticeSetting> settings,
    boolean allowContact) {

  public static Preferences none() {
    return new Preferences(List.of(), null, null, Set.of(), false);
  }
}
