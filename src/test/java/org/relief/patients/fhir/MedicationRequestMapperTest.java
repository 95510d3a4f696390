package org.relief.patients.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.Test;
import org.relief.patients.fhir.MedicationRequestMapper.Course;
import org.relief.patients.fhir.MedicationRequestMapper.Refuse;
import org.relief.patients.fhir.MedicationRequestMapper.Skip;
import org.relief.patients.medicationlist.Frequency;
import org.relief.patients.medicationlist.MedicationUnit;

class MedicationRequestMapperTest {

  static MedicationRequest prescription(String rxnorm, String name) {
    MedicationRequest r = new MedicationRequest();
    r.setStatus(MedicationRequestStatus.ACTIVE);
    r.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
    r.setAuthoredOnElement(new DateTimeType("2026-01-10T09:00:00+00:00"));
    r.setMedication(
        new CodeableConcept().addCoding(new Coding(RxNormMedications.RXNORM, rxnorm, name)));
    return r;
  }

  static MedicationRequest every(MedicationRequest r, int frequency, double period, String unit) {
    Dosage d = r.addDosageInstruction();
    d.setTiming(
        new Timing()
            .setRepeat(
                new Timing.TimingRepeatComponent()
                    .setFrequency(frequency)
                    .setPeriod(period)
                    .setPeriodUnit(Timing.UnitsOfTime.fromCode(unit))));
    d.setAsNeeded(new BooleanType(false));
    d.addDoseAndRate().setDose(new Quantity().setValue(1.0));
    return r;
  }

  @Test
  void readsOxycodoneWithAcetaminophenEverySixHoursAsOxycodoneFiveMg() {
    var mapped =
        MedicationRequestMapper.map(
            every(
                prescription(
                    "1049221", "Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet"),
                1,
                6.0,
                "h"));
    assertThat(mapped).isInstanceOf(Course.class);
    var m = ((Course) mapped).medication();
    assertThat(((Course) mapped).opioid()).isTrue();
    assertThat(m.drug()).isEqualTo("oxycodone");
    assertThat(m.dose()).isEqualByComparingTo("5");
    assertThat(m.unit()).isEqualTo(MedicationUnit.MG);
    assertThat(m.frequency()).isEqualTo(Frequency.EVERY_HOURS);
    assertThat(m.count()).isEqualTo(6);
    assertThat(m.startDate()).isEqualTo(LocalDate.of(2026, 1, 10));
    assertThat(m.stopDate()).isNull();
  }

  @Test
  void readsFourTimesADayAsTimesPerDayAndTwoTabletsAsTwiceTheStrength() {
    MedicationRequest r =
        every(prescription("835603", "tramadol hydrochloride 50 MG Oral Tablet"), 4, 1.0, "d");
    r.getDosageInstructionFirstRep().getDoseAndRateFirstRep().setDose(new Quantity().setValue(2));
    var m = ((Course) MedicationRequestMapper.map(r)).medication();
    assertThat(m.drug()).isEqualTo("tramadol");
    assertThat(m.dose()).isEqualByComparingTo("100");
    assertThat(m.frequency()).isEqualTo(Frequency.TIMES_PER_DAY);
    assertThat(m.count()).isEqualTo(4);
  }

  @Test
  void readsTheFentanylPatchAsAContinuousRateInMicrogramsPerHour() {
    var m =
        ((Course)
                MedicationRequestMapper.map(
                    prescription("245134", "72 HR Fentanyl 0.025 MG/HR Transdermal System")))
            .medication();
    assertThat(m.drug()).isEqualTo("fentanyl-transdermal");
    assertThat(m.dose()).isEqualByComparingTo(new BigDecimal("25"));
    assertThat(m.unit()).isEqualTo(MedicationUnit.MCG_PER_HOUR);
    assertThat(m.frequency()).isEqualTo(Frequency.CONTINUOUS);
  }

  @Test
  void listsAStoppedPrescriptionAsAPastCourseThatNeverCountsAsCurrent() {
    MedicationRequest r =
        every(
            prescription(
                "856987", "Acetaminophen 300 MG / Hydrocodone Bitartrate 5 MG Oral Tablet"),
            1,
            4.0,
            "h");
    r.setStatus(MedicationRequestStatus.STOPPED);
    var m = ((Course) MedicationRequestMapper.map(r)).medication();
    assertThat(m.drug()).isEqualTo("hydrocodone");
    assertThat(m.stopDate()).isEqualTo(m.startDate());
  }

  @Test
  void refusesAnOpioidWithoutASchedule() {
    assertThat(
            MedicationRequestMapper.map(
                prescription(
                    "1049221", "Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet")))
        .isInstanceOf(Refuse.class);
  }

  @Test
  void refusesAnOpioidTheTableDoesNotMapRatherThanListingItUncounted() {
    var mapped =
        MedicationRequestMapper.map(
            every(prescription("861467", "Meperidine Hydrochloride 50 MG Oral Tablet"), 1, 4, "h"));
    assertThat(mapped).isInstanceOf(Refuse.class);
    assertThat(((Refuse) mapped).reason()).contains("861467").doesNotContain("Exception");
  }

  @Test
  void skipsOpioidInjectionsGivenInHospital() {
    assertThat(
            MedicationRequestMapper.map(
                prescription("1735006", "10 ML Fentanyl 0.05 MG/ML Injection")))
        .isInstanceOf(Skip.class);
  }

  @Test
  void readsASingleIngredientTabletByItsGenericName() {
    var mapped =
        MedicationRequestMapper.map(
            every(prescription("309362", "Clopidogrel 75 MG Oral Tablet"), 1, 1, "d"));
    var m = ((Course) mapped).medication();
    assertThat(((Course) mapped).opioid()).isFalse();
    assertThat(m.drug()).isEqualTo("clopidogrel");
    assertThat(m.dose()).isEqualByComparingTo("75");
    assertThat(MedicationRequestMapper.ingredient("Naproxen sodium")).isEqualTo("naproxen");
  }

  @Test
  void skipsCancelledPrescriptionsAndMedicationsGivenByReference() {
    MedicationRequest cancelled = prescription("309362", "Clopidogrel 75 MG Oral Tablet");
    cancelled.setStatus(MedicationRequestStatus.CANCELLED);
    assertThat(MedicationRequestMapper.map(cancelled)).isInstanceOf(Skip.class);
    MedicationRequest byReference = new MedicationRequest();
    byReference.setMedication(new Reference("urn:uuid:1"));
    assertThat(MedicationRequestMapper.map(byReference)).isInstanceOf(Skip.class);
  }
}
