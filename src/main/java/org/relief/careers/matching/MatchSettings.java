package org.relief.careers.matching;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.relief.careers.jobs.ProcedureFamily;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the matching ({@code relief.careers.matching.*}). Neither value comes from
 * careers.md, so both are settings, and the pages label them "setting — unconfirmed, confirm
 * locally".
 *
 * @param wrvuPerCase work RVUs one case of a family earns the physician. Defaults approximate the
 *     CMS physician fee schedule work RVU of the family's typical primary code (e.g. 64483
 *     transforaminal epidural, 64635 lumbar facet RFA, 22513 kyphoplasty); add-on levels, trials
 *     versus implants and local payers differ, so a practice should set its own.
 * @param imlcStates the states, DC and territories taking part in the Interstate Medical Licensure
 *     Compact. careers.md gives only the count (40 states + DC + Guam); the default list is the
 *     membership as we last knew it and must be checked against imlcc.com.
 */
@ConfigurationProperties("relief.careers.matching")
record MatchSettings(Map<ProcedureFamily, BigDecimal> wrvuPerCase, List<String> imlcStates) {

  static final Map<ProcedureFamily, BigDecimal> DEFAULT_WRVU = defaults();

  static final List<String> DEFAULT_IMLC =
      List.of(
          "AL", "AZ", "CO", "CT", "DC", "DE", "GA", "GU", "IA", "ID", "IL", "KS", "KY", "LA", "MD",
          "ME", "MI", "MN", "MO", "MS", "MT", "ND", "NE", "NH", "NJ", "NV", "OH", "OK", "PA", "RI",
          "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY");

  MatchSettings {
    Map<ProcedureFamily, BigDecimal> merged = new EnumMap<>(DEFAULT_WRVU);
    if (wrvuPerCase != null) {
      wrvuPerCase.forEach(
          (family, value) -> {
            if (value == null || value.signum() < 0) {
              throw new IllegalArgumentException(
                  "relief.careers.matching.wrvu-per-case." + family + " must be 0 or more");
            }
            merged.put(family, value);
          });
    }
    wrvuPerCase = Map.copyOf(merged);
    imlcStates =
        imlcStates == null || imlcStates.isEmpty() ? DEFAULT_IMLC : List.copyOf(imlcStates);
  }

  Set<String> imlc() {
    return new TreeSet<>(imlcStates);
  }

  private static Map<ProcedureFamily, BigDecimal> defaults() {
    Map<ProcedureFamily, BigDecimal> m = new EnumMap<>(ProcedureFamily.class);
    m.put(ProcedureFamily.EPIDURAL_STEROID_INJECTION, new BigDecimal("1.90"));
    m.put(ProcedureFamily.MEDIAL_BRANCH_BLOCK, new BigDecimal("1.52"));
    m.put(ProcedureFamily.RADIOFREQUENCY_ABLATION, new BigDecimal("3.32"));
    m.put(ProcedureFamily.SPINAL_CORD_STIMULATION, new BigDecimal("9.00"));
    m.put(ProcedureFamily.DRG_STIMULATION, new BigDecimal("9.00"));
    m.put(ProcedureFamily.PERIPHERAL_NERVE_STIMULATION, new BigDecimal("5.00"));
    m.put(ProcedureFamily.INTRATHECAL_PUMP, new BigDecimal("12.00"));
    m.put(ProcedureFamily.KYPHOPLASTY, new BigDecimal("7.39"));
    m.put(ProcedureFamily.BASIVERTEBRAL_NERVE_ABLATION, new BigDecimal("7.15"));
    m.put(ProcedureFamily.SI_JOINT_FUSION, new BigDecimal("9.03"));
    m.put(ProcedureFamily.MILD, new BigDecimal("5.00"));
    m.put(ProcedureFamily.SYMPATHETIC_BLOCK, new BigDecimal("1.35"));
    return Map.copyOf(m);
  }
}
