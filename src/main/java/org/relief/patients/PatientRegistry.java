package org.relief.patients;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.patients.registry.PatientRepository;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, finds and updates patients. Every read, search and change is audited, by patient ID
 * only; logs carry IDs, never names.
 */
@Service
public class PatientRegistry {

  /** The most patients one search returns; a longer list means the search should be narrower. */
  public static final int SEARCH_LIMIT = 50;

  private static final Logger log = LoggerFactory.getLogger(PatientRegistry.class);
  private static final Pattern MRN = Pattern.compile("[A-Za-z0-9-]{1,20}");
  private static final Pattern PHONE = Pattern.compile("[0-9+()./ -]{3,30}");
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{1,}");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  private final PatientRepository patients;
  private final AuditTrail audit;
  private final Clock clock;
  private final PracticeSettings practice;

  PatientRegistry(
      PatientRepository patients, AuditTrail audit, Clock clock, PracticeSettings practice) {
    this.patients = patients;
    this.audit = audit;
    this.clock = clock;
    this.practice = practice;
  }

  /** Registers a patient; a duplicate MRN is refused and nothing is saved. */
  @Transactional
  public Patient register(PatientDetails details) {
    return register(details, false);
  }

  /** Registers a synthetic (demo) patient. */
  @Transactional
  public Patient registerSynthetic(PatientDetails details) {
    return register(details, true);
  }

  /**
   * Registers a patient imported in bulk, with the same checks as {@link #register}. Not audited
   * one by one: the bulk import audits each batch with its counts (decision 0074).
   */
  @Transactional
  public Patient registerImported(PatientDetails details, boolean synthetic) {
    return register(details, synthetic, false);
  }

  /**
   * The patient with this MRN, for an import that must not register a patient twice. Not audited:
   * the import that asks audits its batch.
   */
  public Optional<Long> idOfMrn(String mrn) {
    return mrn == null ? Optional.empty() : patients.findByMrn(mrn).map(Patient::id);
  }

  private Patient register(PatientDetails details, boolean synthetic) {
    return register(details, synthetic, true);
  }

  private Patient register(PatientDetails details, boolean synthetic, boolean audited) {
    PatientDetails clean = validate(details);
    if (patients.findByMrn(clean.mrn()).isPresent()) {
      throw duplicateMrn(clean.mrn());
    }
    long id;
    try {
      id = patients.insert(clean, synthetic, clock.instant());
    } catch (DuplicateKeyException raced) {
      throw duplicateMrn(clean.mrn());
    }
    if (audited) {
      audit.recordAccess(AuditActions.CREATE, "Patient", Long.toString(id), Outcome.SUCCESS);
    }
    log.info("Patient {} registered", id);
    return patients.findById(id).orElseThrow(() -> new PatientNotFound(id));
  }

  /** Changes a patient's details if nobody else changed them since {@code version} was read. */
  @Transactional
  public Patient update(long id, int version, PatientDetails details) {
    PatientDetails clean = validate(details);
    Patient current = patients.findById(id).orElseThrow(() -> new PatientNotFound(id));
    patients
        .findByMrn(clean.mrn())
        .filter(other -> other.id() != id)
        .ifPresent(
            other -> {
              throw duplicateMrn(clean.mrn());
            });
    boolean updated;
    try {
      updated = patients.update(id, version, clean, clock.instant());
    } catch (DuplicateKeyException raced) {
      throw duplicateMrn(clean.mrn());
    }
    if (!updated) {
      throw new PatientChangedMeanwhile(current.id());
    }
    audit.recordAccess(AuditActions.UPDATE, "Patient", Long.toString(id), Outcome.SUCCESS);
    return patients.findById(id).orElseThrow(() -> new PatientNotFound(id));
  }

  /** Opens a patient's record (audited as a read). */
  public Patient open(long id) {
    Patient patient = patients.findById(id).orElse(null);
    if (patient == null) {
      audit.recordAccess(AuditActions.READ, "Patient", Long.toString(id), Outcome.FAILURE);
      throw new PatientNotFound(id);
    }
    audit.recordAccess(AuditActions.READ, "Patient", Long.toString(id), Outcome.SUCCESS);
    return patient;
  }

  /**
   * Opens the patient with exactly this MRN, whatever its shape (the search box reads a digit-free
   * MRN as a name). Audited as a read, or as a search without result.
   */
  public Optional<Patient> openByMrn(String mrn) {
    String wanted = mrn == null ? "" : mrn.strip().toUpperCase(Locale.ROOT);
    Optional<Patient> patient =
        MRN.matcher(wanted).matches() ? patients.findByMrn(wanted) : Optional.empty();
    if (patient.isPresent()) {
      audit.recordAccess(
          AuditActions.READ, "Patient", Long.toString(patient.get().id()), Outcome.SUCCESS);
    } else {
      audit.recordAccess(
          AuditActions.SEARCH, "Patient", null, Outcome.SUCCESS, "by mrn, results 0");
    }
    return patient;
  }

  /** Finds patients by name, MRN or birth date (audited as a search, with the result count). */
  public List<Patient> search(String query) {
    PatientSearch search = PatientSearch.of(query);
    List<Patient> found = patients.search(search, SEARCH_LIMIT);
    if (search.kind() != PatientSearch.Kind.EMPTY) {
      audit.recordAccess(
          AuditActions.SEARCH,
          "Patient",
          null,
          Outcome.SUCCESS,
          "by " + search.kind().name().toLowerCase(Locale.ROOT) + ", results " + found.size());
    }
    return found;
  }

  public long count() {
    return patients.count();
  }

  /** The IDs of the synthetic demo patients, for modules that add demo data to them. */
  public List<Long> syntheticPatientIds() {
    return patients.syntheticIds();
  }

  /** Whether a patient with this ID exists (not audited: it reveals no patient data). */
  public boolean exists(long id) {
    return patients.findById(id).isPresent();
  }

  private PatientDetails validate(PatientDetails d) {
    String mrn = trim(d.mrn());
    if (mrn == null) {
      throw new RuleViolation("missing-mrn", "Enter the patient's MRN (medical record number).");
    }
    if (!MRN.matcher(mrn).matches()) {
      throw new RuleViolation(
          "invalid-mrn",
          "An MRN has 1 to 20 letters, digits or hyphens; '" + mrn + "' does not fit.");
    }
    String family = required(d.familyName(), "family name");
    String given = required(d.givenName(), "given name");
    if (d.birthDate() == null) {
      throw new RuleViolation("missing-birth-date", "Enter the patient's date of birth.");
    }
    LocalDate today = practice.today(clock);
    if (d.birthDate().isAfter(today)) {
      throw new RuleViolation(
          "birth-date-in-future", "The date of birth " + d.birthDate() + " is in the future.");
    }
    if (d.birthDate().isBefore(EARLIEST_BIRTH)) {
      throw new RuleViolation(
          "birth-date-too-early", "The date of birth " + d.birthDate() + " is before 1900.");
    }
    if (d.sex() == null) {
      throw new RuleViolation("missing-sex", "Choose the patient's administrative sex.");
    }
    String phone = trim(d.phone());
    if (phone != null && !PHONE.matcher(phone).matches()) {
      throw new RuleViolation(
          "invalid-phone", "A phone number has digits and + ( ) . / - or spaces only.");
    }
    String email = trim(d.email());
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw new RuleViolation("invalid-email", "The e-mail address does not look complete.");
    }
    String language = trim(d.preferredLanguage());
    if (language == null) {
      language = "en";
    } else if (!LANGUAGE.matcher(language).matches()) {
      throw new RuleViolation(
          "invalid-language", "Give the preferred language as a code such as en, es or pt-BR.");
    }
    return new PatientDetails(
        mrn.toUpperCase(Locale.ROOT),
        family,
        given,
        d.birthDate(),
        d.sex(),
        phone,
        email,
        language);
  }

  private static String required(String value, String what) {
    String v = trim(value);
    if (v == null) {
      throw new RuleViolation(
          "missing-" + what.replace(' ', '-'), "Enter the patient's " + what + ".");
    }
    if (v.length() > 100) {
      throw new RuleViolation(
          "long-" + what.replace(' ', '-'), "A " + what + " has at most 100 characters.");
    }
    return v;
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static RuleViolation duplicateMrn(String mrn) {
    return new RuleViolation(
        "duplicate-mrn",
        "MRN " + mrn + " already belongs to another patient. Search for it before registering.");
  }
}
