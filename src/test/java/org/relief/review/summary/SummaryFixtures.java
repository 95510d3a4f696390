package org.relief.review.summary;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.relief.assessments.Instrument;
import org.relief.assessments.Instruments;
import org.relief.assessments.Item;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;
import org.relief.assessments.questionnaires.QuestionnaireRepository;
import org.relief.assessments.questionnaires.QuestionnaireRepository.NewResponse;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.patients.bodymap.BodyMaps;
import org.relief.patients.history.AggravatingFactor;
import org.relief.patients.history.Onset;
import org.relief.patients.history.OnsetMechanism;
import org.relief.patients.history.PainCharacter;
import org.relief.patients.history.PainHistories;
import org.relief.patients.history.PainHistoryDetails;
import org.relief.patients.history.PriorTreatment;
import org.relief.patients.history.RelievingFactor;
import org.relief.patients.history.TreatmentEffect;
import org.relief.patients.history.TreatmentType;
import org.relief.patients.medicationlist.Frequency;
import org.relief.patients.medicationlist.MedicationList;
import org.relief.patients.medicationlist.MedicationUnit;
import org.relief.patients.medicationlist.NewMedication;
import org.relief.platform.Role;
import org.relief.procedures.Laterality;
import org.relief.procedures.PerformedProcedures;
import org.springframework.context.ApplicationContext;

/**
 * A patient with years of history through each module's own services: pain history, body map, a
 * questionnaire round (NRS, ODI, PHQ-9) every {@code daysBetweenRounds}, opioids that change each
 * year, an anticoagulant, and a procedure every four months. The same seed gives the same patient.
 */
public final class SummaryFixtures {

  private static final AtomicInteger SEQ = new AtomicInteger();

  /** What was stored, for the report of a benchmark or the checks of a test. */
  public record Seeded(Patient patient, int scores, int medications, int procedures) {}

  private SummaryFixtures() {}

  public static Seeded patientWithHistory(
      ApplicationContext app, int years, int daysBetweenRounds, boolean latestPhq9Item9) {
    Clock clock = app.getBean(Clock.class);
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("America/New_York")));
    LocalDate start = today.minusYears(years);
    int n = SEQ.incrementAndGet();
    Patient patient =
        app.getBean(PatientRegistry.class)
            .register(
                new PatientDetails(
                    "SUM-" + n + "-" + System.nanoTime() % 100000,
                    "Summerhill",
                    "Rosa",
                    LocalDate.of(1962, 3, 14),
                    Sex.FEMALE,
                    null,
                    null,
                    "en"));
    long id = patient.id();
    if (years == 0) {
      return new Seeded(patient, 0, 0, 0);
    }

    app.getBean(PainHistories.class)
        .save(
            id,
            null,
            new PainHistoryDetails(
                Onset.year(start.getYear()),
                OnsetMechanism.DEGENERATIVE,
                null,
                Set.of(PainCharacter.ACHING, PainCharacter.SHOOTING),
                Set.of(AggravatingFactor.SITTING, AggravatingFactor.BENDING),
                null,
                Set.of(RelievingFactor.values()[0]),
                null,
                List.of(
                    new PriorTreatment(
                        TreatmentType.PHYSICAL_THERAPY,
                        "Core strengthening, 8 weeks",
                        start.plusMonths(1),
                        start.plusMonths(3),
                        TreatmentEffect.SLIGHT))));
    app.getBean(BodyMaps.class).save(id, null, List.of("back.lumbar", "back.lumbar.left"));

    Random random = new Random(7L * n);
    Instruments instruments = app.getBean(Instruments.class);
    List<NewResponse> rows = new ArrayList<>();
    List<LocalDate> rounds = new ArrayList<>();
    for (LocalDate day = start;
        !day.isAfter(today.minusDays(3));
        day = day.plusDays(daysBetweenRounds)) {
      rounds.add(day);
    }
    for (int r = 0; r < rounds.size(); r++) {
      double level = 0.45 + 0.25 * Math.sin(r / 3.0);
      boolean last = r == rounds.size() - 1;
      if (last) {
        level = 0.85;
      }
      for (String code : List.of("nrs", "odi", "phq9")) {
        rows.add(
            scored(
                instruments,
                id,
                instruments.definition(code),
                level,
                rounds.get(r),
                last && latestPhq9Item9,
                random));
      }
    }
    app.getBean(QuestionnaireRepository.class).insertResponses(rows);

    MedicationList medications = app.getBean(MedicationList.class);
    int meds = 0;
    for (int y = 0; y < years; y++) {
      LocalDate from = start.plusYears(y).plusDays(20);
      LocalDate to = y == years - 1 ? null : start.plusYears(y + 1).plusDays(20);
      medications.add(
          id,
          new NewMedication(
              y % 2 == 0 ? "oxycodone" : "hydrocodone",
              new BigDecimal(y % 3 == 2 ? "15" : "10"),
              MedicationUnit.MG,
              Frequency.TIMES_PER_DAY,
              y == years - 1 ? 4 : 2,
              from,
              to));
      meds++;
    }
    medications.add(
        id,
        new NewMedication(
            "apixaban",
            new BigDecimal("5"),
            MedicationUnit.MG,
            Frequency.TIMES_PER_DAY,
            2,
            start.plusMonths(6),
            null));
    medications.add(
        id,
        new NewMedication(
            "gabapentin",
            new BigDecimal("300"),
            MedicationUnit.MG,
            Frequency.TIMES_PER_DAY,
            3,
            today.minusDays(10),
            null));
    meds += 2;

    UserAccounts accounts = app.getBean(UserAccounts.class);
    long operator =
        accounts
            .create(
                new UserAccounts.NewUser(
                    "summary-operator-" + n + "-" + System.nanoTime() % 100000,
                    "Operator",
                    "a-long-enough-pass",
                    Set.of(Role.PAIN_PHYSICIAN)))
            .id();
    PerformedProcedures procedures = app.getBean(PerformedProcedures.class);
    int performed = 0;
    String[][] kinds = {
      {"lumbar-tfesi", "L4–L5"}, {"lumbar-mbb", "L4–L5,L5–S1"}, {"lumbar-rfa", "L4–L5,L5–S1"}
    };
    for (LocalDate day = start.plusDays(45); day.isBefore(today); day = day.plusMonths(4)) {
      String[] kind = kinds[performed % kinds.length];
      procedures.recordCompleted(
          new PerformedProcedures.Completed(
              id,
              kind[0],
              day,
              operator,
              List.of(kind[1].split(",")),
              performed % 2 == 0 ? Laterality.LEFT : Laterality.BILATERAL,
              7,
              2 + performed % 3));
      performed++;
    }
    return new Seeded(patient, rows.size(), meds, performed);
  }

  private static NewResponse scored(
      Instruments instruments,
      long patientId,
      Instrument instrument,
      double level,
      LocalDate day,
      boolean item9,
      Random random) {
    Map<String, Integer> answers = new LinkedHashMap<>();
    for (Item item : instrument.items()) {
      if (!item.scored()) {
        continue;
      }
      double wanted = item.min() + level * (item.max() - item.min()) + random.nextGaussian() * 0.5;
      int value = (int) Math.round(Math.max(item.min(), Math.min(item.max(), wanted)));
      if (instrument.code().equals("phq9") && item.key().equals("9")) {
        value = item9 ? 1 : 0;
      }
      answers.put(item.key(), value);
    }
    Score score = instruments.score(instrument.code(), answers, ScoringContext.none());
    return new NewResponse(
        patientId,
        null,
        instrument.code(),
        instrument.version(),
        day.atTime(15, 0).atZone(ZoneId.of("America/New_York")).toInstant(),
        score.score(),
        score.band(),
        score.subscores(),
        score.flags(),
        score.answered());
  }
}
