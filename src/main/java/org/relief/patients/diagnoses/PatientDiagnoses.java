package org.relief.patients.diagnoses;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.patients.PatientNotFound;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Provenance;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's diagnoses: ICD-10-CM codes of the curated pain subset (clinical-rules.md §5b), each
 * primary or secondary, with at most one active primary per patient. Every read and change is
 * audited as a {@code Condition}, by ID only.
 */
@Service
public class PatientDiagnoses {

  static final String AUDIT_TYPE = "Condition";
  private static final Logger log = LoggerFactory.getLogger(PatientDiagnoses.class);
  private static final LocalDate EARLIEST_ONSET = LocalDate.of(1900, 1, 1);

  private final DiagnosisRepository diagnoses;
  private final DiagnosisCatalogue catalogue;
  private final PatientRegistry patients;
  private final AuditTrail audit;
  private final Clock clock;
  private final PracticeSettings practice;

  PatientDiagnoses(
      DiagnosisRepository diagnoses,
      DiagnosisCatalogue catalogue,
      PatientRegistry patients,
      AuditTrail audit,
      Clock clock,
      PracticeSettings practice) {
    this.diagnoses = diagnoses;
    this.catalogue = catalogue;
    this.patients = patients;
    this.audit = audit;
    this.clock = clock;
    this.practice = practice;
  }

  /** The patient's diagnoses, active first, then in the order they were added (audited). */
  public List<Diagnosis> of(long patientId) {
    requirePatient(patientId);
    List<Diagnosis> list =
        diagnoses.findByPatient(patientId).stream()
            .map(this::resolve)
            .sorted(
                (a, b) ->
                    a.status() != b.status()
                        ? a.status().compareTo(b.status())
                        : a.rank() != b.rank()
                            ? a.rank().compareTo(b.rank())
                            : Long.compare(a.id(), b.id()))
            .toList();
    audit.recordAccess(
        AuditActions.READ, AUDIT_TYPE, Long.toString(patientId), Outcome.SUCCESS, "list");
    return list;
  }

  /** Adds a diagnosis; an unknown code, a future onset or a second active primary is refused. */
  @Transactional
  public Diagnosis add(
      long patientId, String code, DiagnosisRank rank, DiagnosisStatus status, LocalDate onset) {
    Diagnosis added = checkAndInsert(patientId, code, rank, status, onset, null);
    audit.recordAccess(AuditActions.CREATE, AUDIT_TYPE, Long.toString(added.id()), Outcome.SUCCESS);
    return added;
  }

  /**
   * Adds a diagnosis imported in bulk from another system, where it is known as {@code sourceId},
   * with the same checks as {@link #add}; empty when that diagnosis was imported before. Not
   * audited one by one: the bulk import audits each batch with its counts (decision 0074).
   */
  @Transactional
  public Optional<Diagnosis> addImported(
      long patientId,
      String code,
      DiagnosisRank rank,
      DiagnosisStatus status,
      LocalDate onset,
      String sourceId) {
    if (sourceId != null && diagnoses.imported(sourceId)) {
      return Optional.empty();
    }
    return Optional.of(checkAndInsert(patientId, code, rank, status, onset, sourceId));
  }

  private Diagnosis checkAndInsert(
      long patientId,
      String code,
      DiagnosisRank rank,
      DiagnosisStatus status,
      LocalDate onset,
      String sourceId) {
    requirePatient(patientId);
    DiagnosisCode known = known(code);
    if (rank == null) {
      throw new RuleViolation(
          "missing-rank", "Choose whether the diagnosis is primary or secondary.");
    }
    if (status == null) {
      throw new RuleViolation(
          "missing-status", "Choose the diagnosis status: active, resolved or ruled out.");
    }
    checkOnset(onset);
    if (rank == DiagnosisRank.PRIMARY && status == DiagnosisStatus.ACTIVE) {
      refuseSecondActivePrimary(patientId, -1);
    }
    long id;
    try {
      id =
          diagnoses.insert(patientId, known.code(), rank, status, onset, sourceId, clock.instant());
    } catch (DuplicateKeyException raced) {
      throw secondActivePrimary(null);
    }
    log.info("Diagnosis {} added for patient {}", id, patientId);
    return new Diagnosis(id, patientId, known, rank, status, onset);
  }

  /** Changes a diagnosis's rank and status (e.g. resolved, or ruled out after a block). */
  @Transactional
  public void change(long patientId, long id, DiagnosisRank rank, DiagnosisStatus status) {
    requirePatient(patientId);
    diagnoses
        .find(patientId, id)
        .orElseThrow(() -> new NotFound("Patient " + patientId + " has no diagnosis " + id + "."));
    if (rank == null || status == null) {
      throw new RuleViolation(
          "missing-rank-or-status", "Choose both the rank and the status of the diagnosis.");
    }
    if (rank == DiagnosisRank.PRIMARY && status == DiagnosisStatus.ACTIVE) {
      refuseSecondActivePrimary(patientId, id);
    }
    try {
      diagnoses.update(id, rank, status, clock.instant());
    } catch (DuplicateKeyException raced) {
      throw secondActivePrimary(null);
    }
    audit.recordAccess(AuditActions.UPDATE, AUDIT_TYPE, Long.toString(id), Outcome.SUCCESS);
    log.info("Diagnosis {} of patient {} changed", id, patientId);
  }

  /**
   * Revises a diagnosis's rank, status and onset as one new version, when it is still at {@code
   * expectedVersion} (any version when {@code null}); the code and the patient never change. The
   * same rules as {@link #add} apply; the change is audited.
   *
   * @return the diagnosis as now stored
   * @throws DiagnosisChangedMeanwhile when the diagnosis is at another version
   */
  @Transactional
  public Diagnosis revise(
      long patientId,
      long id,
      Integer expectedVersion,
      DiagnosisRank rank,
      DiagnosisStatus status,
      LocalDate onset) {
    requirePatient(patientId);
    DiagnosisRepository.Row row =
        diagnoses
            .find(patientId, id)
            .orElseThrow(
                () -> new NotFound("Patient " + patientId + " has no diagnosis " + id + "."));
    int current = diagnoses.lockVersion(id);
    if (expectedVersion != null && expectedVersion != current) {
      throw new DiagnosisChangedMeanwhile(id, expectedVersion, current);
    }
    if (rank == null || status == null) {
      throw new RuleViolation(
          "missing-rank-or-status", "Choose both the rank and the status of the diagnosis.");
    }
    checkOnset(onset);
    if (rank == DiagnosisRank.PRIMARY && status == DiagnosisStatus.ACTIVE) {
      refuseSecondActivePrimary(patientId, id);
    }
    try {
      diagnoses.revise(id, current, rank, status, onset, clock.instant());
    } catch (DuplicateKeyException raced) {
      throw secondActivePrimary(null);
    }
    audit.recordAccess(
        AuditActions.UPDATE,
        AUDIT_TYPE,
        Long.toString(id),
        Outcome.SUCCESS,
        "version " + (current + 1));
    log.info("Diagnosis {} of patient {} revised to version {}", id, patientId, current + 1);
    return new Diagnosis(id, patientId, resolve(row).code(), rank, status, onset);
  }

  private void checkOnset(LocalDate onset) {
    if (onset != null && onset.isAfter(today())) {
      throw new RuleViolation("onset-in-future", "The onset date " + onset + " is in the future.");
    }
    if (onset != null && onset.isBefore(EARLIEST_ONSET)) {
      throw new RuleViolation("onset-too-early", "The onset date " + onset + " is before 1900.");
    }
  }

  private DiagnosisCode known(String code) {
    if (code == null || code.isBlank()) {
      throw new RuleViolation(
          "missing-code", "Choose an ICD-10-CM code: search by code or by words.");
    }
    return catalogue
        .find(code)
        .orElseThrow(
            () ->
                new RuleViolation(
                    "unknown-icd10-code",
                    "The ICD-10-CM code '"
                        + echo(code)
                        + "' is not in Relief's curated pain subset (clinical-rules.md §5b)."
                        + " Search by code or words and choose one from the list."));
  }

  private void refuseSecondActivePrimary(long patientId, long except) {
    diagnoses.findByPatient(patientId).stream()
        .filter(r -> r.id() != except)
        .filter(r -> r.rank() == DiagnosisRank.PRIMARY && r.status() == DiagnosisStatus.ACTIVE)
        .findFirst()
        .ifPresent(
            r -> {
              throw secondActivePrimary(r.icd10Code());
            });
  }

  private static RuleViolation secondActivePrimary(String existing) {
    return new RuleViolation(
        "second-active-primary",
        "The patient already has an active primary diagnosis"
            + (existing == null ? "" : " (" + existing + ")")
            + ". Make that one secondary, resolved or ruled out first, or add this one as"
            + " secondary.");
  }

  private Diagnosis resolve(DiagnosisRepository.Row r) {
    DiagnosisCode code =
        catalogue
            .find(r.icd10Code())
            .orElseGet(
                () ->
                    new DiagnosisCode(
                        r.icd10Code(),
                        "No longer in the curated subset",
                        "",
                        new Provenance(
                            "clinical-rules.md §5b", "not listed", false, Provenance.UNCONFIRMED)));
    return new Diagnosis(r.id(), r.patientId(), code, r.rank(), r.status(), r.onsetDate());
  }

  private void requirePatient(long patientId) {
    if (!patients.exists(patientId)) {
      throw new PatientNotFound(patientId);
    }
  }

  private LocalDate today() {
    return practice.today(clock);
  }

  private static String echo(String input) {
    String s = input.strip();
    return s.length() <= 20 ? s : s.substring(0, 20) + "…";
  }
}
