package org.relief.patients.medicationlist;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.patients.CurrentMedication;
import org.relief.patients.CurrentMedications;
import org.relief.patients.DoseUnit;
import org.relief.patients.DrugClassifier;
import org.relief.patients.MedicationCourse;
import org.relief.patients.MedicationHistory;
import org.relief.patients.MedicationMme;
import org.relief.patients.MmeCalculation;
import org.relief.patients.MmeCalculator;
import org.relief.patients.OpioidDose;
import org.relief.patients.PatientMedications;
import org.relief.patients.PatientNotFound;
import org.relief.patients.PatientRegistry;
import org.relief.patients.medications.OpioidConversion;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's medication list, with the daily MME of each opioid and the total across the current
 * ones (CDC 2022, clinical-rules.md §2a, §2d, through {@link MmeCalculator}) and the bleeding-risk
 * class of anticoagulants, antiplatelets and NSAIDs (ASRA 2018, §1b, §1c, through {@link
 * DrugClassifier}). Every read and change is audited as a {@code MedicationStatement}, by ID only.
 *
 * <p>An opioid must be convertible when it is added: the total would otherwise understate the
 * patient's exposure without anyone noticing. So an opioid outside the CDC table, or a table opioid
 * under another spelling, is refused with its name, and an opioid's dose must be in the unit the
 * table uses (mg taken so many times a day, or mcg/h for a patch).
 *
 * <p>A medication is current from its start date until the day before its stop date: the stop date
 * is the first day it is no longer taken.
 */
@Service
public class MedicationList implements PatientMedications {

  static final String AUDIT_TYPE = "MedicationStatement";
  private static final Logger log = LoggerFactory.getLogger(MedicationList.class);
  private static final Pattern DRUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final BigDecimal LARGEST_DOSE = new BigDecimal("100000");
  private static final LocalDate EARLIEST_START = LocalDate.of(1900, 1, 1);

  /**
   * Opioids outside the CDC 2022 table (clinical-rules.md §2a) and common brand names of opioids,
   * known by name so that they are refused rather than listed without an MME. From general
   * pharmacology, not from the reference (U); the list only ever refuses, it never converts.
   */
  private static final Set<String> OTHER_OPIOIDS =
      Set.of(
          "alfentanil",
          "benzhydrocodone",
          "butorphanol",
          "dihydrocodeine",
          "dilaudid",
          "duragesic",
          "levorphanol",
          "meperidine",
          "nalbuphine",
          "norco",
          "nucynta",
          "oliceridine",
          "opium",
          "oxycontin",
          "pentazocine",
          "percocet",
          "pethidine",
          "remifentanil",
          "sufentanil",
          "ultram",
          "vicodin");

  private final MedicationRepository medications;
  private final MmeCalculator mme;
  private final DrugClassifier classifier;
  private final PatientRegistry patients;
  private final AuditTrail audit;
  private final Clock clock;
  private final PracticeSettings practice;

  MedicationList(
      MedicationRepository medications,
      MmeCalculator mme,
      DrugClassifier classifier,
      PatientRegistry patients,
      AuditTrail audit,
      Clock clock,
      PracticeSettings practice) {
    this.medications = medications;
    this.mme = mme;
    this.classifier = classifier;
    this.patients = patients;
    this.audit = audit;
    this.clock = clock;
    this.practice = practice;
  }

  /** The whole list on the practice's today, current medications first (audited). */
  public MedicationOverview overview(long patientId) {
    requirePatient(patientId);
    LocalDate today = today();
    List<Medication> all = medications.findByPatient(patientId);
    audit.recordAccess(
        AuditActions.READ, AUDIT_TYPE, Long.toString(patientId), Outcome.SUCCESS, "list");

    List<Medication> current = all.stream().filter(m -> m.currentOn(today)).toList();
    List<Medication> currentOpioids = current.stream().filter(MedicationList::isOpioid).toList();
    MmeCalculation total =
        currentOpioids.isEmpty()
            ? null
            : mme.calculate(currentOpioids.stream().map(MedicationList::opioidDose).toList());

    List<MedicationLine> currentLines = new ArrayList<>();
    int opioidIndex = 0;
    for (Medication m : current) {
      MedicationMme share = null;
      if (isOpioid(m)) {
        share = total.medications().get(opioidIndex++);
      }
      currentLines.add(new MedicationLine(m, true, share, classifier.classify(m.drug())));
    }
    List<MedicationLine> others =
        all.stream()
            .filter(m -> !m.currentOn(today))
            .map(
                m ->
                    new MedicationLine(
                        m,
                        false,
                        isOpioid(m) ? mme.convert(opioidDose(m)) : null,
                        classifier.classify(m.drug())))
            .toList();
    return new MedicationOverview(patientId, today, currentLines, others, total);
  }

  @Override
  public CurrentMedications current(long patientId) {
    MedicationOverview overview = overview(patientId);
    return new CurrentMedications(
        patientId,
        overview.asOf(),
        overview.current().stream()
            .map(
                l ->
                    new CurrentMedication(
                        l.medication().id(),
                        l.medication().drug(),
                        l.medication().dose(),
                        l.medication().unit().code(),
                        l.medication().schedule(),
                        l.medication().startDate(),
                        l.medication().stopDate(),
                        l.mme(),
                        l.drugClass()))
            .toList(),
        Optional.ofNullable(overview.mme()));
  }

  @Override
  public MedicationHistory history(long patientId) {
    MedicationOverview overview = overview(patientId);
    List<MedicationCourse> courses =
        java.util.stream.Stream.concat(overview.current().stream(), overview.notCurrent().stream())
            .map(
                l ->
                    new MedicationCourse(
                        l.medication().id(),
                        l.medication().drug(),
                        l.medication().dose(),
                        l.medication().unit().code(),
                        l.medication().schedule(),
                        l.medication().startDate(),
                        l.medication().stopDate(),
                        l.mme(),
                        l.drugClass()))
            .sorted(
                java.util.Comparator.comparing(MedicationCourse::startDate)
                    .thenComparing(MedicationCourse::id))
            .toList();
    return new MedicationHistory(
        patientId, overview.asOf(), courses, Optional.ofNullable(overview.mme()));
  }

  /** Adds a medication; what cannot be read, converted or dated sensibly is refused. */
  @Transactional
  public Medication add(long patientId, NewMedication given) {
    requirePatient(patientId);
    NewMedication m = check(given);
    long id = medications.insert(patientId, m, clock.instant());
    audit.recordAccess(AuditActions.CREATE, AUDIT_TYPE, Long.toString(id), Outcome.SUCCESS);
    log.info("Medication {} added for patient {}", id, patientId);
    return medications.find(patientId, id).orElseThrow();
  }

  /** A course imported from another system, where it is known as {@code sourceId}. */
  public record ImportedCourse(long patientId, String sourceId, NewMedication medication) {}

  /** What became of one imported course; {@code reason} says why it was refused. */
  public record ImportOutcome(boolean added, boolean alreadyPresent, String reason) {}

  /**
   * Adds courses imported in bulk, with the same checks as {@link #add}, in one statement; a course
   * whose {@code sourceId} was imported before is left as it is. Answers one outcome per course, in
   * order. Not audited one by one: the bulk import audits each batch with its counts (decision
   * 0074).
   */
  @Transactional
  public List<ImportOutcome> importCourses(List<ImportedCourse> courses) {
    ImportOutcome[] outcomes = new ImportOutcome[courses.size()];
    List<Integer> checked = new ArrayList<>();
    List<NewMedication> clean = new ArrayList<>();
    java.util.Set<Long> patientIds = new java.util.HashSet<>();
    for (int i = 0; i < courses.size(); i++) {
      ImportedCourse c = courses.get(i);
      try {
        if (!patientIds.contains(c.patientId())) {
          requirePatient(c.patientId());
          patientIds.add(c.patientId());
        }
        clean.add(check(c.medication()));
        checked.add(i);
      } catch (RuleViolation e) {
        outcomes[i] = new ImportOutcome(false, false, e.getMessage());
      }
    }
    List<MedicationRepository.Row> rows = new ArrayList<>();
    for (int k = 0; k < checked.size(); k++) {
      ImportedCourse c = courses.get(checked.get(k));
      rows.add(new MedicationRepository.Row(c.patientId(), c.sourceId(), clean.get(k)));
    }
    java.util.Set<String> added = medications.insertImported(rows, clock.instant());
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int index : checked) {
      String source = courses.get(index).sourceId();
      boolean isNew = added.contains(source) && seen.add(source);
      outcomes[index] = new ImportOutcome(isNew, !isNew, null);
    }
    log.info("{} imported medications added", added.size());
    return List.of(outcomes);
  }

  /** Stops a medication: from {@code stopDate} on it is no longer taken and no longer counted. */
  @Transactional
  public void stop(long patientId, long medicationId, LocalDate stopDate) {
    requirePatient(patientId);
    Medication m =
        medications
            .find(patientId, medicationId)
            .orElseThrow(
                () ->
                    new NotFound(
                        "Patient " + patientId + " has no medication " + medicationId + "."));
    if (stopDate == null) {
      throw new RuleViolation("missing-stop-date", "Give the date the medication stops.");
    }
    if (m.stopDate() != null && !m.stopDate().isAfter(today())) {
      throw new RuleViolation(
          "already-stopped", m.drug() + " was already stopped on " + m.stopDate() + ".");
    }
    if (stopDate.isBefore(m.startDate())) {
      throw stopBeforeStart(stopDate, m.startDate());
    }
    medications.stop(medicationId, stopDate, clock.instant());
    audit.recordAccess(
        AuditActions.UPDATE, AUDIT_TYPE, Long.toString(medicationId), Outcome.SUCCESS, "stopped");
    log.info("Medication {} of patient {} stopped", medicationId, patientId);
  }

  private NewMedication check(NewMedication m) {
    String drug = m.drug() == null ? "" : m.drug().strip();
    if (drug.isEmpty()) {
      throw new RuleViolation(
          "drug-missing", "Give the generic drug name in lower case, such as 'oxycodone'.");
    }
    drug = drug.toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    if (drug.length() > 80 || !DRUG.matcher(drug).matches()) {
      throw new RuleViolation(
          "drug-invalid",
          "A generic drug name has letters, digits and hyphens only, at most 80, such as"
              + " 'fentanyl-transdermal'.");
    }
    if (m.dose() == null) {
      throw new RuleViolation("dose-missing", "Give the dose of " + drug + ".");
    }
    if (m.dose().signum() <= 0) {
      throw new RuleViolation(
          "dose-not-positive",
          "The dose of " + drug + " must be greater than zero, not " + m.dose() + ".");
    }
    if (m.dose().compareTo(LARGEST_DOSE) > 0 || m.dose().stripTrailingZeros().scale() > 3) {
      throw new RuleViolation(
          "dose-implausible",
          "The dose of "
              + drug
              + ", "
              + m.dose().toPlainString()
              + ", is not plausible: check the amount (at most three decimals) and the unit.");
    }
    if (m.unit() == null) {
      throw new RuleViolation("unit-missing", "Choose the unit of the dose of " + drug + ".");
    }
    if (m.frequency() == null) {
      throw new RuleViolation("frequency-missing", "Choose how often " + drug + " is taken.");
    }
    Integer count = m.frequency().counted() ? m.count() : null;
    checkSchedule(drug, m.unit(), m.frequency(), count);
    checkDates(m.startDate(), m.stopDate());
    NewMedication clean =
        new NewMedication(
            drug, m.dose(), m.unit(), m.frequency(), count, m.startDate(), m.stopDate());
    checkOpioid(clean);
    return clean;
  }

  private static void checkSchedule(
      String drug, MedicationUnit unit, Frequency frequency, Integer count) {
    if (frequency.counted()) {
      if (count == null) {
        throw new RuleViolation(
            "count-missing",
            switch (frequency) {
              case TIMES_PER_DAY -> "Give how many times a day " + drug + " is taken.";
              case EVERY_HOURS -> "Give how many hours apart the doses of " + drug + " are.";
              default -> "Give the most doses of " + drug + " the patient may take in a day.";
            });
      }
      if (count < 1 || count > 24) {
        throw new RuleViolation(
            "count-out-of-range",
            "The number for '" + frequency.label() + "' must be 1 to 24, not " + count + ".");
      }
      if (frequency == Frequency.EVERY_HOURS && 24 % count != 0) {
        throw new RuleViolation(
            "hours-do-not-divide-day",
            "Every "
                + count
                + " hours does not divide the day evenly: use every 1, 2, 3, 4, 6, 8, 12 or 24"
                + " hours, or give the number of times a day.");
      }
    }
    if (unit == MedicationUnit.MCG_PER_HOUR && frequency != Frequency.CONTINUOUS) {
      throw new RuleViolation(
          "rate-needs-continuous",
          "A dose in mcg/h is a rate (a patch or a pump): choose 'continuous' as the frequency of "
              + drug
              + ".");
    }
    if (frequency == Frequency.CONTINUOUS && unit != MedicationUnit.MCG_PER_HOUR) {
      throw new RuleViolation(
          "continuous-needs-rate",
          "'Continuous' is for rates in mcg/h (patches and pumps); give "
              + drug
              + " in mcg/h or choose how often it is taken.");
    }
  }

  private void checkDates(LocalDate start, LocalDate stop) {
    if (start == null) {
      throw new RuleViolation("start-missing", "Give the date the medication was started.");
    }
    if (start.isBefore(EARLIEST_START)) {
      throw new RuleViolation("start-too-early", "The start date " + start + " is before 1900.");
    }
    if (stop != null && stop.isBefore(start)) {
      throw stopBeforeStart(stop, start);
    }
  }

  private static RuleViolation stopBeforeStart(LocalDate stop, LocalDate start) {
    return new RuleViolation(
        "stop-before-start", "The stop date " + stop + " is before the start date " + start + ".");
  }

  /** clinical-rules.md §2a, §2b.1: only table opioids in the table's units can be converted. */
  private void checkOpioid(NewMedication m) {
    Optional<OpioidConversion> row = OpioidConversion.of(m.drug());
    if (row.isEmpty()) {
      if (OTHER_OPIOIDS.contains(m.drug()) || OpioidConversion.resembledBy(m.drug()).isPresent()) {
        // MmeCalculator names the unknown opioid and the table name it probably meant
        mme.convert(new OpioidDose(m.drug(), m.dose(), DoseUnit.MG_PER_DAY.code()));
      }
      return;
    }
    boolean oral = m.unit() == MedicationUnit.MG && m.frequency() != Frequency.CONTINUOUS;
    boolean rate = m.unit() == MedicationUnit.MCG_PER_HOUR;
    if (!oral && !rate) {
      throw new RuleViolation(
          "opioid-unit",
          m.drug()
              + " is an opioid: give its dose in "
              + (row.get().usualUnit() == DoseUnit.MCG_PER_HOUR
                  ? "mcg/h, continuous,"
                  : "mg with how often it is taken,")
              + " so that its MME can be calculated (clinical-rules.md §2b.1).");
    }
    mme.convert(opioidDose(m.drug(), m.dose(), m.unit(), m.frequency(), m.count()));
  }

  private static boolean isOpioid(Medication m) {
    return OpioidConversion.of(m.drug()).isPresent();
  }

  private static OpioidDose opioidDose(Medication m) {
    return opioidDose(m.drug(), m.dose(), m.unit(), m.frequency(), m.count());
  }

  /** The daily dose the CDC 2022 table multiplies: mg/day, or the mcg/h rate of a patch (§2a). */
  private static OpioidDose opioidDose(
      String drug, BigDecimal dose, MedicationUnit unit, Frequency frequency, Integer count) {
    if (unit == MedicationUnit.MCG_PER_HOUR) {
      return new OpioidDose(drug, dose, DoseUnit.MCG_PER_HOUR.code());
    }
    return new OpioidDose(
        drug, dose.multiply(frequency.dosesPerDay(count)), DoseUnit.MG_PER_DAY.code());
  }

  private void requirePatient(long patientId) {
    if (!patients.exists(patientId)) {
      throw new PatientNotFound(patientId);
    }
  }

  private LocalDate today() {
    return practice.today(clock);
  }
}
