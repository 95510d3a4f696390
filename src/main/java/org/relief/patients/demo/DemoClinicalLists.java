package org.relief.patients.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.relief.identity.PracticeInstalled;
import org.relief.patients.PatientRegistry;
import org.relief.patients.diagnoses.DiagnosisRank;
import org.relief.patients.diagnoses.DiagnosisStatus;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.relief.patients.medicationlist.Frequency;
import org.relief.patients.medicationlist.MedicationList;
import org.relief.patients.medicationlist.MedicationUnit;
import org.relief.patients.medicationlist.NewMedication;
import org.relief.platform.PracticeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Diagnoses and medication lists for the synthetic demo patients: a primary pain diagnosis from the
 * curated subset (clinical-rules.md §5b) and sometimes secondary ones; opioid regimens for about a
 * third, some at or above 50 and 90 MME/day (§2d), anticoagulants or antiplatelets for about a
 * quarter (§1b), NSAIDs and other analgesics for others. Regimens are invented, not real people's;
 * the same seed gives the same lists every time.
 */
@Component
@Profile("demo")
class DemoClinicalLists {

  private static final Logger log = LoggerFactory.getLogger(DemoClinicalLists.class);

  private static final List<String> PRIMARY =
      List.of(
          "M54.16", "M54.50", "M47.816", "M48.062", "M54.12", "M51.17", "M96.1", "G90.521", "M46.1",
          "M54.2", "M47.812", "M54.41", "M51.16", "M50.122");
  private static final List<String> SECONDARY =
      List.of("G89.29", "G89.4", "M47.817", "M54.59", "M48.061", "G89.28", "M54.32");

  /** Regimens as prescribed: drug, dose, unit, frequency, count (null when continuous). */
  private record Regimen(
      String drug, String dose, MedicationUnit unit, Frequency frequency, Integer count) {

    NewMedication from(LocalDate start, LocalDate stop) {
      return new NewMedication(drug, new BigDecimal(dose), unit, frequency, count, start, stop);
    }
  }

  private static Regimen mg(String drug, String dose, Frequency frequency, int count) {
    return new Regimen(drug, dose, MedicationUnit.MG, frequency, count);
  }

  private static final Regimen FENTANYL_25 =
      new Regimen(
          "fentanyl-transdermal", "25", MedicationUnit.MCG_PER_HOUR, Frequency.CONTINUOUS, null);

  // MME/day in comments per CDC 2022 factors (clinical-rules.md §2a)
  private static final List<Regimen> LOWER_OPIOIDS =
      List.of(
          mg("tramadol", "50", Frequency.EVERY_HOURS, 6), // 40
          mg("hydrocodone", "5", Frequency.TIMES_PER_DAY, 4), // 20
          mg("oxycodone", "5", Frequency.AS_NEEDED, 4), // 30
          mg("tapentadol", "50", Frequency.TIMES_PER_DAY, 2), // 40
          mg("codeine", "30", Frequency.EVERY_HOURS, 6)); // 18
  private static final List<Regimen> HIGHER_OPIOIDS =
      List.of(
          mg("morphine", "30", Frequency.TIMES_PER_DAY, 2), // 60
          FENTANYL_25, // 60
          mg("hydromorphone", "4", Frequency.TIMES_PER_DAY, 4), // 80
          mg("oxycodone", "20", Frequency.TIMES_PER_DAY, 3), // 90
          mg("methadone", "10", Frequency.TIMES_PER_DAY, 3)); // 141
  private static final List<Regimen> BLEEDING_RISK =
      List.of(
          mg("apixaban", "5", Frequency.TIMES_PER_DAY, 2),
          mg("rivaroxaban", "20", Frequency.TIMES_PER_DAY, 1),
          mg("warfarin", "5", Frequency.TIMES_PER_DAY, 1),
          mg("clopidogrel", "75", Frequency.TIMES_PER_DAY, 1),
          mg("aspirin", "81", Frequency.TIMES_PER_DAY, 1),
          mg("dabigatran", "150", Frequency.TIMES_PER_DAY, 2));
  private static final List<Regimen> OTHERS =
      List.of(
          mg("ibuprofen", "400", Frequency.TIMES_PER_DAY, 3),
          mg("naproxen", "500", Frequency.TIMES_PER_DAY, 2),
          mg("meloxicam", "15", Frequency.TIMES_PER_DAY, 1),
          mg("celecoxib", "200", Frequency.TIMES_PER_DAY, 1),
          mg("gabapentin", "300", Frequency.TIMES_PER_DAY, 3),
          mg("duloxetine", "60", Frequency.TIMES_PER_DAY, 1),
          mg("acetaminophen", "1000", Frequency.AS_NEEDED, 3),
          mg("cyclobenzaprine", "10", Frequency.AS_NEEDED, 1));

  private final PatientRegistry registry;
  private final PatientDiagnoses diagnoses;
  private final MedicationList medications;
  private final Clock clock;
  private final PracticeSettings practice;

  DemoClinicalLists(
      PatientRegistry registry,
      PatientDiagnoses diagnoses,
      MedicationList medications,
      Clock clock,
      PracticeSettings practice) {
    this.registry = registry;
    this.diagnoses = diagnoses;
    this.medications = medications;
    this.clock = clock;
    this.practice = practice;
  }

  @EventListener
  @Order(30)
  void on(PracticeInstalled installed) {
    Random random = new Random(20261124L + 30);
    LocalDate today = practice.today(clock);
    List<Long> ids = registry.syntheticPatientIds();
    int onOpioids = 0;
    for (int i = 0; i < ids.size(); i++) {
      long id = ids.get(i);
      LocalDate onset = today.minusDays(60 + random.nextInt(6 * 365));
      diagnoses.add(
          id,
          PRIMARY.get(random.nextInt(PRIMARY.size())),
          DiagnosisRank.PRIMARY,
          DiagnosisStatus.ACTIVE,
          onset);
      int secondaries = random.nextInt(3);
      for (int s = 0; s < secondaries; s++) {
        diagnoses.add(
            id,
            SECONDARY.get((i + s) % SECONDARY.size()),
            DiagnosisRank.SECONDARY,
            random.nextInt(4) == 0 ? DiagnosisStatus.RESOLVED : DiagnosisStatus.ACTIVE,
            random.nextBoolean() ? onset.plusDays(random.nextInt(60)) : null);
      }

      LocalDate start = onset.plusDays(random.nextInt(45));
      int draw = random.nextInt(100);
      if (draw < 35) {
        onOpioids++;
        // one in three opioid patients at 50 MME/day or more; every tenth of those on two opioids
        boolean higher = random.nextInt(3) == 0;
        List<Regimen> pool = higher ? HIGHER_OPIOIDS : LOWER_OPIOIDS;
        medications.add(id, pool.get(random.nextInt(pool.size())).from(start, null));
        if (higher && random.nextInt(4) == 0) {
          medications.add(id, mg("oxycodone", "5", Frequency.AS_NEEDED, 4).from(start, null));
        }
        if (random.nextInt(5) == 0) {
          LocalDate stoppedOn = start.plusDays(30 + random.nextInt(60));
          if (!stoppedOn.isAfter(today)) {
            medications.add(
                id,
                mg("tramadol", "50", Frequency.TIMES_PER_DAY, 3)
                    .from(start.minusDays(90), stoppedOn));
          }
        }
      }
      if (draw >= 25 && draw < 50) {
        medications.add(
            id, BLEEDING_RISK.get(random.nextInt(BLEEDING_RISK.size())).from(start, null));
      }
      if (draw >= 40) {
        medications.add(id, OTHERS.get(random.nextInt(OTHERS.size())).from(start, null));
      }
    }
    log.info(
        "Synthetic demo practice: diagnoses and medications for {} patients, {} on opioids",
        ids.size(),
        onOpioids);
  }
}
