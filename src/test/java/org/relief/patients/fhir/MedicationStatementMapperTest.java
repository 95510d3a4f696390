package org.relief.patients.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.MedicationStatement.MedicationStatementStatus;
import org.junit.jupiter.api.Test;
import org.relief.fhir.FhirClients;
import org.relief.patients.medicationlist.Frequency;
import org.relief.patients.medicationlist.Medication;
import org.relief.patients.medicationlist.MedicationUnit;
import org.relief.support.FhirValidation;

class MedicationStatementMapperTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
  private static final java.time.Instant NOW = java.time.Instant.parse("2026-11-24T09:00:00Z");

  static Medication med(LocalDate start, LocalDate stop, Frequency frequency, Integer count) {
    return new Medication(
        7,
        3,
        "hydrocodone",
        new BigDecimal("10"),
        MedicationUnit.MG,
        frequency,
        count,
        start,
        stop);
  }

  @Test
  void statusFollowsTheStartAndStopDays() {
    assertThat(
            MedicationStatementMapper.status(
                med(TODAY.plusDays(1), null, Frequency.TIMES_PER_DAY, 2), TODAY))
        .isEqualTo(MedicationStatementStatus.INTENDED);
    assertThat(
            MedicationStatementMapper.status(med(TODAY, null, Frequency.TIMES_PER_DAY, 2), TODAY))
        .isEqualTo(MedicationStatementStatus.ACTIVE);
    assertThat(
            MedicationStatementMapper.status(
                med(TODAY.minusDays(10), TODAY, Frequency.TIMES_PER_DAY, 2), TODAY))
        .isEqualTo(MedicationStatementStatus.COMPLETED);
  }

  @Test
  void anAsNeededMedicationCarriesItsDailyMaximumAndIsValid() {
    var s =
        MedicationStatementMapper.toFhir(
            med(TODAY.minusDays(3), null, Frequency.AS_NEEDED, 4), TODAY, NOW);
    assertThat(s.getDosageFirstRep().getAsNeededBooleanType().booleanValue()).isTrue();
    assertThat(s.getDosageFirstRep().getMaxDosePerPeriod().getNumerator().getValue().intValue())
        .isEqualTo(4);
    assertThat(FhirValidation.errors(FhirClients.json(s))).isEmpty();
  }
}
