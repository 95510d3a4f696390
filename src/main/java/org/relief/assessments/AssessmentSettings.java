package org.relief.assessments;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The scoring values clinical-rules.md marks U (unconfirmed), kept as settings so that a practice
 * can set them after checking the primary source ({@code relief.assessments.*}). Every result that
 * uses one of them says so in its {@code unconfirmed} list, until its key is listed in {@code
 * confirmed} (docs/decisions/0010-unconfirmed-rules-as-settings.md).
 *
 * @param nrsBands NRS-11 severity bands (clinical-rules.md §3.5: 1–4/5–6/7–10 or 1–3/4–6/7–10)
 * @param ndiBands NDI bands on the raw 0–50 score (§3.2, Vernon 2008)
 * @param ortOudHighFrom ORT-OUD total from which risk is high (§3.8, Cheatle 2019)
 * @param dn4PositiveFrom DN4 total (of 10) from which neuropathic pain is likely (§3.9)
 * @param dn4InterviewPositiveFrom DN4 interview total (of 7) used when no examination was done
 * @param pcsClinicalFrom PCS total from which catastrophizing is clinically relevant (§3.10)
 * @param pgicResponderUpTo PGIC answers up to this one count as responders (§3.12)
 * @param confirmed keys of the rules above a practice has confirmed against the primary source:
 *     {@code nrs-bands}, {@code ndi-bands}, {@code ort-oud-cut-off}, {@code dn4-cut-off}, {@code
 *     pcs-threshold}, {@code pgic-responder}, {@code phq9-item9-rule}
 */
@ConfigurationProperties("relief.assessments")
public record AssessmentSettings(
    List<Band> nrsBands,
    List<Band> ndiBands,
    Integer ortOudHighFrom,
    Integer dn4PositiveFrom,
    Integer dn4InterviewPositiveFrom,
    Integer pcsClinicalFrom,
    Integer pgicResponderUpTo,
    Set<String> confirmed) {

  public AssessmentSettings {
    nrsBands =
        sorted(
            nrsBands,
            List.of(
                new Band("none", 0),
                new Band("mild", 1),
                new Band("moderate", 5),
                new Band("severe", 7)));
    ndiBands =
        sorted(
            ndiBands,
            List.of(
                new Band("none", 0),
                new Band("mild", 5),
                new Band("moderate", 15),
                new Band("severe", 25),
                new Band("complete", 35)));
    ortOudHighFrom = ortOudHighFrom == null ? 3 : ortOudHighFrom;
    dn4PositiveFrom = dn4PositiveFrom == null ? 4 : dn4PositiveFrom;
    dn4InterviewPositiveFrom = dn4InterviewPositiveFrom == null ? 3 : dn4InterviewPositiveFrom;
    pcsClinicalFrom = pcsClinicalFrom == null ? 30 : pcsClinicalFrom;
    pgicResponderUpTo = pgicResponderUpTo == null ? 2 : pgicResponderUpTo;
    confirmed = confirmed == null ? Set.of() : Set.copyOf(confirmed);
  }

  /** The values of clinical-rules.md as researched, none confirmed locally. */
  public static AssessmentSettings defaults() {
    return new AssessmentSettings(null, null, null, null, null, null, null, null);
  }

  public boolean isConfirmed(String key) {
    return confirmed.contains(key);
  }

  private static List<Band> sorted(List<Band> configured, List<Band> defaults) {
    List<Band> bands = configured == null || configured.isEmpty() ? defaults : configured;
    return bands.stream().sorted(Comparator.comparingInt(Band::from)).toList();
  }
}
