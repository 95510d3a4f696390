package org.relief.patients.fhir;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The opioid products Synthea 3.3.0 prescribes, by RxNorm code (RxCUI), and the entry of Relief's
 * medication list each one becomes: the generic name of the CDC 2022 table (clinical-rules.md §2a),
 * the opioid strength of one unit, and whether it is a patch (mcg/h) or taken by mouth (mg).
 *
 * <p>Source: RxNorm (U.S. National Library of Medicine), the concept names quoted beside each code;
 * the codes are those Synthea's modules emit ({@code medications/moderate_opioid_pain_reliever},
 * {@code strong_opioid_pain_reliever}, {@code opioid_addiction}, {@code
 * prescribing_opioids_for_chronic_pain_and_treatment_of_oud}). Only the opioid ingredient's
 * strength is kept; the acetaminophen of a combination product does not enter the MME. Products
 * given in hospital (injections during anaesthesia) are not on this table: they are not a patient's
 * medication list (decision 0075).
 */
final class RxNormMedications {

  /** The RxNorm code system URI in FHIR. */
  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

  /** One product: the list's generic name, the strength of one unit, patch or by mouth. */
  record Product(String drug, BigDecimal strength, boolean patch, String rxnormName) {}

  private static final Map<String, Product> OPIOIDS =
      Map.ofEntries(
          oral(
              "1049221",
              "oxycodone",
              "5",
              "Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet"),
          oral(
              "1049625",
              "oxycodone",
              "10",
              "Acetaminophen 325 MG / Oxycodone Hydrochloride 10 MG Oral Tablet [Percocet]"),
          oral(
              "1049635",
              "oxycodone",
              "2.5",
              "Acetaminophen 325 MG / Oxycodone Hydrochloride 2.5 MG Oral Tablet"),
          oral("1049683", "oxycodone", "10", "Oxycodone Hydrochloride 10 MG Oral Tablet"),
          oral(
              "1049504",
              "oxycodone",
              "10",
              "Abuse-Deterrent 12 HR Oxycodone Hydrochloride 10 MG Extended Release Oral Tablet [Oxycontin]"),
          oral(
              "1860154",
              "oxycodone",
              "15",
              "Abuse-Deterrent 12 HR Oxycodone Hydrochloride 15 MG Extended Release Oral Tablet"),
          oral(
              "856987",
              "hydrocodone",
              "5",
              "Acetaminophen 300 MG / Hydrocodone Bitartrate 5 MG Oral Tablet"),
          oral(
              "857005",
              "hydrocodone",
              "7.5",
              "Acetaminophen 325 MG / Hydrocodone Bitartrate 7.5 MG Oral Tablet"),
          oral(
              "1860491",
              "hydrocodone",
              "10",
              "12 HR Hydrocodone Bitartrate 10 MG Extended Release Oral Capsule"),
          oral("835603", "tramadol", "50", "tramadol hydrochloride 50 MG Oral Tablet"),
          oral(
              "993770",
              "codeine",
              "15",
              "Acetaminophen 300 MG / Codeine Phosphate 15 MG Oral Tablet"),
          oral("864706", "methadone", "10", "methadone hydrochloride 10 MG Oral Tablet"),
          oral("864718", "methadone", "5", "Methadone Hydrochloride 5 MG Oral Tablet"),
          oral(
              "351266",
              "buprenorphine",
              "2",
              "buprenorphine 2 MG / naloxone 0.5 MG Sublingual Tablet"),
          Map.entry(
              "245134",
              new Product(
                  "fentanyl-transdermal",
                  new BigDecimal("25"),
                  true,
                  "72 HR Fentanyl 0.025 MG/HR Transdermal System")));

  private RxNormMedications() {}

  private static Map.Entry<String, Product> oral(
      String code, String drug, String strengthMg, String name) {
    return Map.entry(code, new Product(drug, new BigDecimal(strengthMg), false, name));
  }

  /** The opioid product of an RxNorm code, if it is on the table. */
  static Optional<Product> opioid(String rxnormCode) {
    return Optional.ofNullable(rxnormCode == null ? null : OPIOIDS.get(rxnormCode));
  }
}
