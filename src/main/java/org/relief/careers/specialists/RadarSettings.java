package org.relief.careers.specialists;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How far ahead the expiry radar looks ({@code relief.careers.radar.*}). The windows are the
 * practice's choice; the CAQH intervals are facts of careers.md ("re-attest every 120 days, 180 in
 * Illinois") and stay settings only so that a change by CAQH needs no release.
 *
 * @param licenceWindow before a state licence expires (90 days unless set)
 * @param registrationWindow before a DEA or state controlled-substance registration expires (90)
 * @param boardWindow before a board certification expires or its MOC requirement is due (180)
 * @param cmeWindow before a CME cycle ends with credits still missing (120)
 * @param caqhWindow before the CAQH re-attestation is due (15, CAQH's own first reminder)
 * @param caqhInterval days between CAQH attestations (120)
 * @param caqhIntervalByState states where the interval differs (IL: 180)
 */
@ConfigurationProperties("relief.careers.radar")
record RadarSettings(
    Duration licenceWindow,
    Duration registrationWindow,
    Duration boardWindow,
    Duration cmeWindow,
    Duration caqhWindow,
    Duration caqhInterval,
    Map<String, Duration> caqhIntervalByState) {

  RadarSettings {
    licenceWindow = positive(licenceWindow, 90, "licence-window");
    registrationWindow = positive(registrationWindow, 90, "registration-window");
    boardWindow = positive(boardWindow, 180, "board-window");
    cmeWindow = positive(cmeWindow, 120, "cme-window");
    caqhWindow = positive(caqhWindow, 15, "caqh-window");
    caqhInterval = positive(caqhInterval, 120, "caqh-interval");
    caqhIntervalByState =
        caqhIntervalByState == null
            ? Map.of("IL", Duration.ofDays(180))
            : Map.copyOf(caqhIntervalByState);
  }

  /** Days between CAQH attestations for a specialist practising in {@code state}. */
  long caqhDays(String state) {
    return (state == null ? caqhInterval : caqhIntervalByState.getOrDefault(state, caqhInterval))
        .toDays();
  }

  private static Duration positive(Duration value, int defaultDays, String name) {
    Duration d = value == null ? Duration.ofDays(defaultDays) : value;
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("relief.careers.radar." + name + " must be positive");
    }
    return d;
  }
}
