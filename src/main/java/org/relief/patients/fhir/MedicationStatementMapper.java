package org.relief.patients.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.relief.patients.medicationlist.Medication;
import org.relief.patients.medicationlist.MedicationUnit;

/**
 * A line of the patient's medication list as a FHIR R4 {@code MedicationStatement}. Pure: the day
 * that decides active / completed / intended is passed in.
 */
public final class MedicationStatementMapper {

  public static final String DRUGS = "https://relief.health/fhir/CodeSystem/drug";
  static final String UCUM = "http://unitsofmeasure.org";

  /** Relief's dose units in UCUM. */
  static final Map<MedicationUnit, String> UCUM_OF =
      Map.of(
          MedicationUnit.MG, "mg",
          MedicationUnit.MCG, "ug",
          MedicationUnit.G, "g",
          MedicationUnit.MCG_PER_HOUR, "ug/h",
          MedicationUnit.UNITS, "[iU]",
          MedicationUnit.ML, "mL");

  private MedicationStatementMapper() {}

  /**
   * The medication as a statement; its versionId is derived from when its row was last changed
   * ({@link #versionId}), since Relief keeps only the current version of a medication (decision
   * 0078).
   */
  public static MedicationStatement toFhir(Medication m, LocalDate today, Instant updated) {
    MedicationStatement s = new MedicationStatement();
    String version = versionId(updated);
    s.setId(new IdType("MedicationStatement", Long.toString(m.id()), version));
    s.getMeta().setVersionId(version);
    s.getMeta().setLastUpdated(java.util.Date.from(updated));
    s.setStatus(status(m, today));
    s.setMedication(
        new CodeableConcept().addCoding(new Coding(DRUGS, m.drug(), null)).setText(m.drug()));
    s.setSubject(new Reference("Patient/" + m.patientId()));
    Period period = new Period().setStartElement(new DateTimeType(m.startDate().toString()));
    if (m.stopDate() != null) {
      period.setEndElement(new DateTimeType(m.stopDate().toString()));
    }
    s.setEffective(period);
    Dosage dosage = s.addDosage().setText(m.doseText() + ", " + m.schedule());
    Quantity dose =
        new Quantity()
            .setValue(m.dose())
            .setUnit(m.unit().code())
            .setSystem(UCUM)
            .setCode(UCUM_OF.get(m.unit()));
    if (m.unit() == MedicationUnit.MCG_PER_HOUR) {
      dosage.addDoseAndRate().setRate(dose);
    } else {
      dosage.addDoseAndRate().setDose(dose);
    }
    Timing.TimingRepeatComponent repeat = new Timing.TimingRepeatComponent();
    switch (m.frequency()) {
      case TIMES_PER_DAY -> {
        repeat.setFrequency(m.count()).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.D);
        dosage.setTiming(new Timing().setRepeat(repeat));
      }
      case EVERY_HOURS -> {
        repeat.setFrequency(1).setPeriod(m.count()).setPeriodUnit(Timing.UnitsOfTime.H);
        dosage.setTiming(new Timing().setRepeat(repeat));
      }
      case AS_NEEDED -> {
        dosage.setAsNeeded(new org.hl7.fhir.r4.model.BooleanType(true));
        dosage.setMaxDosePerPeriod(
            new Ratio()
                .setNumerator(new Quantity().setValue(m.count()).setUnit("doses"))
                .setDenominator(
                    new Quantity().setValue(1).setUnit("day").setSystem(UCUM).setCode("d")));
      }
      case CONTINUOUS -> {}
    }
    return s;
  }

  /**
   * The versionId of a medication row last changed at {@code updated}: its epoch milliseconds, so
   * that every change (a stop date) gives a new, larger versionId.
   */
  static String versionId(Instant updated) {
    return Long.toString(updated.toEpochMilli());
  }

  /** Not started yet → intended; stopped by {@code today} → completed; otherwise active. */
  static MedicationStatement.MedicationStatementStatus status(Medication m, LocalDate today) {
    if (m.startDate().isAfter(today)) {
      return MedicationStatement.MedicationStatementStatus.INTENDED;
    }
    return m.currentOn(today)
        ? MedicationStatement.MedicationStatementStatus.ACTIVE
        : MedicationStatement.MedicationStatementStatus.COMPLETED;
  }
}
