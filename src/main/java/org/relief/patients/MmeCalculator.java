package org.relief.patients;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relief.patients.medications.OpioidConversion;
import org.relief.platform.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Daily morphine milligram equivalents per the CDC 2022 guideline: daily dose (mg/day, or mcg/h for
 * transdermal fentanyl) times the drug's factor, totalled across all opioids (clinical-rules.md
 * §2a), with the thresholds of §2d and the cautions of §2b as guidance.
 *
 * <p>Rounding: each medication's MME is the exact product of dose and factor rounded to one
 * decimal, half up; the total is the sum of those rounded values, so the parts shown always add up
 * to the total shown, and thresholds are compared with that total. One decimal is already more
 * precision than an equianalgesic estimate has (§2b.2).
 *
 * <p>Input is refused, never guessed: an unknown name, a unit the drug is not dosed in, or a dose
 * that is missing or not positive is a {@link RuleViolation} naming the medication.
 */
@Component
public class MmeCalculator {

  private static final BigDecimal REASSESS_THRESHOLD = new BigDecimal("50");
  private static final int ECHO_LIMIT = 60;

  /**
   * Bounds far outside any real regimen. They are not clinical limits: they keep absurd numbers
   * such as 1e999999999 from costing the server a billion-digit multiplication.
   */
  private static final BigDecimal SMALLEST_DOSE = new BigDecimal("0.001");

  private static final BigDecimal LARGEST_DOSE = new BigDecimal("100000");

  private static final String SECTION_2D = "clinical-rules.md §2d";

  private static final Provenance LEGACY_PROVENANCE =
      new Provenance(
          SECTION_2D,
          "P (2016 text); absence from CDC 2022 to verify",
          false,
          Provenance.UNCONFIRMED
              + ": configurable as "
              + MmeSettings.LEGACY_THRESHOLD
              + " (default 90); a legacy/payer threshold, not a CDC 2022 recommendation");

  // clinical-rules.md §2b.2 and §2b.3
  private static final Guidance ESTIMATE =
      new Guidance(
          "mme-is-an-estimate",
          "MME is an estimate of opioid exposure: equianalgesic conversions cannot account for"
              + " individual genetic and pharmacokinetic differences. CDC 2022 advises against"
              + " using calculated MME to choose the dose when switching to another opioid:"
              + " cross-tolerance is incomplete, so the new opioid is usually dosed substantially"
              + " lower. This is decision support for the prescriber, not an order.",
          Provenance.of("clinical-rules.md §2b.2–3", "P"));

  // clinical-rules.md §2d, 50 MME/day "pause"
  private static final Guidance REASSESS =
      new Guidance(
          "reassess-benefits-and-risks",
          "The total is at or above 50 MME/day: before any further increase, CDC 2022 suggests"
              + " pausing to reassess this patient's individual benefits and risks carefully.",
          Provenance.of(SECTION_2D, "P"));

  // clinical-rules.md §2d, 50 MME/day "precautions"
  private static final Guidance NALOXONE =
      new Guidance(
          "offer-naloxone",
          "At 50 MME/day or more from all sources, CDC 2022 suggests following up more often and"
              + " offering naloxone with overdose education to the patient and household.",
          Provenance.of(SECTION_2D, "P"));

  private final MmeSettings settings;

  public MmeCalculator(MmeSettings settings) {
    this.settings = settings;
  }

  /** Converts every opioid and totals them. */
  public MmeCalculation calculate(List<OpioidDose> doses) {
    if (doses == null || doses.isEmpty()) {
      throw new RuleViolation(
          "no-medications", "Give at least one opioid medication to calculate MME from.");
    }
    List<MedicationMme> medications = new ArrayList<>();
    Map<String, Guidance> cautions = new LinkedHashMap<>();
    for (int i = 0; i < doses.size(); i++) {
      OpioidDose dose = doses.get(i);
      OpioidConversion row = recognise(dose, i + 1);
      medications.add(convert(dose, row));
      row.caution().ifPresent(c -> cautions.putIfAbsent(c.code(), c));
    }
    BigDecimal total =
        medications.stream()
            .filter(MedicationMme::counted)
            .map(MedicationMme::mme)
            .reduce(BigDecimal.ZERO.setScale(1), BigDecimal::add);

    // clinical-rules.md §2d: the 2022 guideline's own threshold, fixed
    MmeThreshold reassess =
        MmeThreshold.fixed("reassess", REASSESS_THRESHOLD, total, Provenance.of(SECTION_2D, "P"));
    // clinical-rules.md §2d: 90 is a 2016 recommendation kept for payers, not a 2022 rule
    MmeThreshold legacy =
        MmeThreshold.configured(
            "legacy",
            settings.legacyThreshold(),
            MmeSettings.LEGACY_THRESHOLD,
            total,
            LEGACY_PROVENANCE);

    List<Guidance> guidance = new ArrayList<>();
    guidance.add(ESTIMATE);
    if (reassess.reached()) {
      guidance.add(REASSESS);
      guidance.add(NALOXONE);
    }
    if (legacy.reached()) {
      guidance.add(legacyGuidance(legacy));
    }
    guidance.addAll(cautions.values());
    return new MmeCalculation(total, medications, List.of(reassess, legacy), guidance);
  }

  /** The MME of a single opioid, as part of a calculation of its own. */
  public MedicationMme convert(OpioidDose dose) {
    return convert(dose, recognise(dose, 1));
  }

  private static MedicationMme convert(OpioidDose dose, OpioidConversion row) {
    return row.factor()
        .map(
            factor ->
                new MedicationMme(
                    row.drug(),
                    dose.dose(),
                    dose.unit(),
                    factor,
                    dose.dose().multiply(factor).setScale(1, RoundingMode.HALF_UP),
                    true,
                    row.provenance()))
        .orElseGet(
            () ->
                new MedicationMme(
                    row.drug(), dose.dose(), dose.unit(), null, null, false, row.provenance()));
  }

  private static OpioidConversion recognise(OpioidDose dose, int position) {
    if (dose == null) {
      throw new RuleViolation("medication-missing", "Medication " + position + " is empty.");
    }
    String drug = dose.drug();
    if (drug == null || drug.isBlank()) {
      throw new RuleViolation(
          "drug-missing",
          "Medication "
              + position
              + " has no drug: give a generic name in lower case such as 'oxycodone'.");
    }
    OpioidConversion row =
        OpioidConversion.of(drug)
            .orElseThrow(() -> new RuleViolation("unknown-opioid", unknown(drug)));
    if (dose.unit() == null || dose.unit().isBlank()) {
      throw new RuleViolation(
          "unit-missing",
          row.drug() + " has no unit: give its dose in " + row.usualUnit().code() + ".");
    }
    if (Arrays.stream(DoseUnit.values()).noneMatch(u -> u.code().equals(dose.unit()))) {
      throw new RuleViolation(
          "unknown-unit",
          "Unit '"
              + echo(dose.unit())
              + "' is not known: give the dose of "
              + row.drug()
              + " in "
              + row.usualUnit().code()
              + " (clinical-rules.md §2b.1).");
    }
    if (row.units().stream().noneMatch(u -> u.code().equals(dose.unit()))) {
      throw new RuleViolation(
          "unit-not-for-drug",
          row.drug()
              + " is dosed in "
              + row.usualUnit().code()
              + ", not "
              + echo(dose.unit())
              + " (clinical-rules.md §2b.1).");
    }
    if (dose.dose() == null) {
      throw new RuleViolation(
          "dose-missing",
          row.drug() + " has no dose: give the dose in " + row.usualUnit().code() + ".");
    }
    if (dose.dose().signum() <= 0) {
      throw new RuleViolation(
          "dose-not-positive",
          "The dose of "
              + row.drug()
              + " must be greater than zero, not "
              + echo(dose.dose().toString())
              + " "
              + dose.unit()
              + ".");
    }
    if (dose.dose().compareTo(SMALLEST_DOSE) < 0 || dose.dose().compareTo(LARGEST_DOSE) > 0) {
      throw new RuleViolation(
          "dose-implausible",
          "The dose of "
              + row.drug()
              + ", "
              + echo(dose.dose().toString())
              + " "
              + dose.unit()
              + ", is not plausible: check the amount and the unit.");
    }
    return row;
  }

  private static String unknown(String drug) {
    String hint =
        OpioidConversion.closestTo(drug)
            .map(o -> " such as '" + o.drug() + "'")
            .orElse(", one of " + OpioidConversion.names());
    return "Unknown opioid '"
        + echo(drug)
        + "': use a generic name in lower case"
        + hint
        + ". Relief converts only the opioids of the CDC 2022 MME table (clinical-rules.md §2a).";
  }

  /** Input repeated in a message, cut short so a message stays a message. */
  private static String echo(String input) {
    return input.length() <= ECHO_LIMIT ? input : input.substring(0, ECHO_LIMIT) + "…";
  }

  private static Guidance legacyGuidance(MmeThreshold threshold) {
    return new Guidance(
        "legacy-threshold",
        "The total is at or above "
            + threshold.mme().toPlainString()
            + " MME/day, the legacy threshold this practice has set (from the 2016 CDC"
            + " guideline, still used by some payers; CDC 2022 sets no such ceiling). Payers may"
            + " ask for prior authorisation or documented reasons at this dosage.",
        LEGACY_PROVENANCE);
  }
}
