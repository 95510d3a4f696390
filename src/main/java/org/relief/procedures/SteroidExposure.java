package org.relief.procedures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.patients.PatientNotFound;
import org.relief.patients.PatientRegistry;
import org.relief.procedures.records.ProcedureNoteRepository;
import org.relief.procedures.records.ProcedureNoteRepository.SteroidGiven;
import org.springframework.stereotype.Service;

/**
 * A patient's cumulative corticosteroid exposure from procedures over a rolling window, in
 * milligrams of methylprednisolone equivalent, against the practice's warning threshold ({@link
 * SteroidSettings}; unconfirmed until the practice confirms it).
 */
@Service
public class SteroidExposure {

  private static final BigDecimal METHYLPREDNISOLONE_REFERENCE = new BigDecimal("4");

  private final ProcedureNoteRepository notes;
  private final SteroidSettings settings;
  private final PatientRegistry patients;
  private final AuditTrail audit;

  SteroidExposure(
      ProcedureNoteRepository notes,
      SteroidSettings settings,
      PatientRegistry patients,
      AuditTrail audit) {
    this.notes = notes;
    this.settings = settings;
    this.patients = patients;
    this.audit = audit;
  }

  /** One steroid dose counted. */
  public record Contribution(
      long procedureId,
      LocalDate performedOn,
      String procedureType,
      InjectateDrug drug,
      BigDecimal doseMg,
      BigDecimal methylprednisoloneMg) {}

  /**
   * The exposure over the window ending on {@code to}.
   *
   * @param confirmed whether the practice confirmed the equivalence table and threshold
   */
  public record Exposure(
      long patientId,
      LocalDate from,
      LocalDate to,
      BigDecimal totalMg,
      BigDecimal warnAboveMg,
      boolean confirmed,
      List<Contribution> contributions) {

    public Exposure {
      contributions = List.copyOf(contributions);
    }

    public boolean overThreshold() {
      return totalMg.compareTo(warnAboveMg) > 0;
    }

    /** Whether adding this much more would take the patient over the threshold. */
    public boolean overThresholdWith(BigDecimal moreMg) {
      return totalMg.add(moreMg).compareTo(warnAboveMg) > 0;
    }
  }

  /** The exposure over the rolling window that ends on {@code asOf} (audited). */
  public Exposure forPatient(long patientId, LocalDate asOf) {
    if (!patients.exists(patientId)) {
      throw new PatientNotFound(patientId);
    }
    LocalDate from = asOf.minusMonths(settings.windowMonths()).plusDays(1);
    List<String> steroids =
        java.util.Arrays.stream(InjectateDrug.values())
            .filter(InjectateDrug::corticosteroid)
            .map(InjectateDrug::code)
            .toList();
    List<Contribution> contributions =
        notes.steroidsGiven(patientId, from, asOf, steroids).stream()
            .map(this::contribution)
            .toList();
    BigDecimal total =
        contributions.stream()
            .map(Contribution::methylprednisoloneMg)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    audit.recordAccess(
        AuditActions.READ, "SteroidExposure", "patient:" + patientId, Outcome.SUCCESS);
    return new Exposure(
        patientId, from, asOf, total, settings.warnAboveMg(), settings.confirmed(), contributions);
  }

  /** Milligrams of methylprednisolone equivalent to this dose of a corticosteroid. */
  public BigDecimal methylprednisoloneEquivalent(InjectateDrug drug, BigDecimal doseMg) {
    BigDecimal equivalent = settings.equivalentMg().get(drug.code());
    if (!drug.corticosteroid() || equivalent == null || doseMg == null) {
      return BigDecimal.ZERO;
    }
    return doseMg
        .multiply(METHYLPREDNISOLONE_REFERENCE)
        .divide(equivalent, 1, RoundingMode.HALF_UP);
  }

  /** The methylprednisolone equivalent of a list of injectates (a note being written). */
  public BigDecimal methylprednisoloneEquivalent(List<Injectate> injectates) {
    return injectates.stream()
        .map(i -> methylprednisoloneEquivalent(i.drug(), i.doseMg()))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private Contribution contribution(SteroidGiven given) {
    return new Contribution(
        given.procedureId(),
        given.performedOn(),
        given.procedureType(),
        given.drug(),
        given.doseMg(),
        methylprednisoloneEquivalent(given.drug(), given.doseMg()));
  }
}
