package org.relief.patients.fhir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.Timing;
import org.relief.patients.medicationlist.Frequency;
import org.relief.patients.medicationlist.MedicationUnit;
import org.relief.patients.medicationlist.NewMedication;
import org.relief.patients.medications.OpioidConversion;

/**
 * A FHIR R4 {@code MedicationRequest} (a prescription, as Synthea writes them) as a course on the
 * patient's medication list. Pure.
 *
 * <p>Opioids come through the RxNorm table {@link RxNormMedications}: the list needs the generic
 * name, the strength and the daily schedule for the MME (clinical-rules.md §2a). Other products are
 * read from their RxNorm name when it is a single-ingredient tablet or capsule in mg ("Clopidogrel
 * 75 MG Oral Tablet"); the caller keeps those only if they matter to a pain practice (bleeding
 * risk, clinical-rules.md §1b, §1c). A prescription no longer active is listed as a past course:
 * FHIR does not say when it ended, so it stops on the day it was written and never counts as
 * current (decision 0075).
 */
public final class MedicationRequestMapper {

  /** What a prescription becomes. */
  public sealed interface Mapped permits Course, Skip, Refuse {}

  /** A course for the list; {@code opioid} when it came through the RxNorm opioid table. */
  public record Course(NewMedication medication, boolean opioid) implements Mapped {}

  /** Not kept: content Relief does not keep; counted as skipped. */
  public record Skip(String reason) implements Mapped {}

  /** Pain-relevant but unusable (an opioid Relief cannot convert, no dose): reported. */
  public record Refuse(String reason) implements Mapped {}

  private static final Pattern SINGLE_ORAL =
      Pattern.compile(
          "(?:\\d+ HR )?([A-Za-z][A-Za-z ]*?) (\\d+(?:\\.\\d+)?) MG"
              + " (?:Delayed Release |Extended Release )?(?:Oral Tablet|Oral Capsule|Chewable"
              + " Tablet)(?: \\[[^\\]]+\\])?");

  private static final Set<String> SALTS =
      Set.of(
          "hydrochloride",
          "sodium",
          "potassium",
          "calcium",
          "bitartrate",
          "sulfate",
          "succinate",
          "maleate",
          "besylate",
          "mesylate",
          "tartrate",
          "citrate",
          "phosphate",
          "magnesium",
          "bisulfate");

  /** Opioids outside the CDC 2022 table, so that a product naming one is never listed unread. */
  private static final Set<String> OTHER_OPIOIDS =
      Set.of(
          "meperidine",
          "pethidine",
          "alfentanil",
          "sufentanil",
          "remifentanil",
          "fentanyl",
          "butorphanol",
          "nalbuphine",
          "pentazocine",
          "levorphanol",
          "opium",
          "hydromorphone",
          "oxymorphone",
          "morphine",
          "tapentadol");

  private MedicationRequestMapper() {}

  public static Mapped map(MedicationRequest r) {
    if (r.getStatus() == MedicationRequestStatus.CANCELLED
        || r.getStatus() == MedicationRequestStatus.ENTEREDINERROR) {
      return new Skip("The prescription was cancelled or entered in error; nothing was taken.");
    }
    if (!r.hasMedicationCodeableConcept()) {
      return new Skip(
          "The prescription names its medication by reference (a hospital administration);"
              + " Relief lists prescriptions coded with RxNorm.");
    }
    Optional<Coding> rxnorm =
        r.getMedicationCodeableConcept().getCoding().stream()
            .filter(c -> RxNormMedications.RXNORM.equals(c.getSystem()) && c.hasCode())
            .findFirst();
    if (rxnorm.isEmpty()) {
      return new Skip("The prescription has no RxNorm code.");
    }
    String code = rxnorm.get().getCode();
    String name =
        rxnorm.get().hasDisplay()
            ? rxnorm.get().getDisplay()
            : r.getMedicationCodeableConcept().getText();
    LocalDate start = start(r);
    LocalDate stop = stillActive(r) ? null : start;
    Optional<RxNormMedications.Product> opioid = RxNormMedications.opioid(code);
    if (opioid.isPresent()) {
      RxNormMedications.Product p = opioid.get();
      if (start == null) {
        return new Refuse(p.drug() + " (RxNorm " + code + ") has no date written (authoredOn).");
      }
      if (p.patch()) {
        BigDecimal units = units(r).orElse(BigDecimal.ONE);
        return new Course(
            new NewMedication(
                p.drug(),
                p.strength().multiply(units),
                MedicationUnit.MCG_PER_HOUR,
                Frequency.CONTINUOUS,
                null,
                start,
                stop),
            true);
      }
      return schedule(r, p.drug(), p.strength(), start, stop, true)
          .orElseGet(
              () ->
                  new Refuse(
                      p.drug()
                          + " (RxNorm "
                          + code
                          + ") has no dose and schedule Relief can read, so its MME cannot be"
                          + " calculated; enter it on the medication list by hand."));
    }
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (namesAnOpioid(lower)) {
      if (lower.contains("injection") || lower.contains("injectable")) {
        return new Skip("An opioid injection is given in hospital, not a home medication.");
      }
      return new Refuse(
          "RxNorm "
              + code
              + " is an opioid product Relief's RxNorm table does not map, so it was not"
              + " listed; check the patient's opioids and enter it by hand if it is taken.");
    }
    Matcher m = name == null ? null : SINGLE_ORAL.matcher(name.strip());
    if (m == null || !m.matches()) {
      return new Skip("Only single-ingredient tablets and capsules are read from RxNorm names.");
    }
    if (start == null) {
      return new Skip("The prescription has no date written (authoredOn).");
    }
    String drug = ingredient(m.group(1));
    if (drug.isEmpty()) {
      return new Skip("The ingredient could not be read from the RxNorm name.");
    }
    return schedule(r, drug, new BigDecimal(m.group(2)), start, stop, false)
        .orElseGet(() -> new Skip("The prescription has no dose and schedule Relief can read."));
  }

  /** The generic name in the list's spelling: lower case, salts dropped, words hyphenated. */
  static String ingredient(String words) {
    return String.join(
        "-",
        java.util.Arrays.stream(words.toLowerCase(Locale.ROOT).split("\\s+"))
            .filter(w -> !w.isBlank() && !SALTS.contains(w))
            .toList());
  }

  private static boolean namesAnOpioid(String lower) {
    for (String word : lower.split("[^a-z]+")) {
      if (OTHER_OPIOIDS.contains(word) || OpioidConversion.of(word).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static boolean stillActive(MedicationRequest r) {
    return !r.hasStatus()
        || switch (r.getStatus()) {
          case ACTIVE, ONHOLD, DRAFT, UNKNOWN, NULL -> true;
          default -> false;
        };
  }

  private static LocalDate start(MedicationRequest r) {
    if (!r.hasAuthoredOnElement() || r.getAuthoredOnElement().getValueAsString() == null) {
      return null;
    }
    String text = r.getAuthoredOnElement().getValueAsString();
    return text.length() >= 10 ? LocalDate.parse(text.substring(0, 10)) : null;
  }

  private static Optional<BigDecimal> units(MedicationRequest r) {
    if (!r.hasDosageInstruction()) {
      return Optional.empty();
    }
    Dosage d = r.getDosageInstructionFirstRep();
    if (!d.hasDoseAndRate() || !d.getDoseAndRateFirstRep().hasDoseQuantity()) {
      return Optional.empty();
    }
    BigDecimal value = d.getDoseAndRateFirstRep().getDoseQuantity().getValue();
    return value == null || value.signum() <= 0 ? Optional.empty() : Optional.of(value);
  }

  /**
   * Strength times units a dose, taken so many times a day: {@code h} periods become "every N
   * hours" when N divides the day, other schedules times a day; as needed keeps the most a day.
   */
  private static Optional<Mapped> schedule(
      MedicationRequest r,
      String drug,
      BigDecimal strength,
      LocalDate start,
      LocalDate stop,
      boolean opioid) {
    Optional<BigDecimal> units = units(r);
    if (units.isEmpty()) {
      return Optional.empty();
    }
    Dosage d = r.getDosageInstructionFirstRep();
    if (!d.hasTiming() || !d.getTiming().hasRepeat()) {
      return Optional.empty();
    }
    Timing.TimingRepeatComponent repeat = d.getTiming().getRepeat();
    int frequency = repeat.hasFrequency() ? repeat.getFrequency() : 1;
    BigDecimal period = repeat.hasPeriod() ? repeat.getPeriod() : BigDecimal.ONE;
    if (frequency < 1 || period.signum() <= 0 || !repeat.hasPeriodUnit()) {
      return Optional.empty();
    }
    BigDecimal perDay =
        switch (repeat.getPeriodUnit()) {
          case H -> BigDecimal.valueOf(24L * frequency).divide(period, 6, RoundingMode.HALF_UP);
          case D -> BigDecimal.valueOf(frequency).divide(period, 6, RoundingMode.HALF_UP);
          default -> null;
        };
    if (perDay == null
        || perDay.stripTrailingZeros().scale() > 0
        || perDay.intValue() < 1
        || perDay.intValue() > 24) {
      return Optional.empty();
    }
    int doses = perDay.intValue();
    Frequency schedule;
    int count;
    boolean asNeeded = d.hasAsNeededBooleanType() && d.getAsNeededBooleanType().booleanValue();
    if (asNeeded) {
      schedule = Frequency.AS_NEEDED;
      count = doses;
    } else if (repeat.getPeriodUnit() == Timing.UnitsOfTime.H
        && frequency == 1
        && period.stripTrailingZeros().scale() <= 0
        && 24 % period.intValue() == 0) {
      schedule = Frequency.EVERY_HOURS;
      count = period.intValue();
    } else {
      schedule = Frequency.TIMES_PER_DAY;
      count = doses;
    }
    BigDecimal dose = strength.multiply(units.get()).stripTrailingZeros();
    return Optional.of(
        new Course(
            new NewMedication(drug, dose, MedicationUnit.MG, schedule, count, start, stop),
            opioid));
  }
}
