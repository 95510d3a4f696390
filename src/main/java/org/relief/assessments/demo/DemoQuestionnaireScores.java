package org.relief.assessments.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.relief.assessments.Instrument;
import org.relief.assessments.Instruments;
import org.relief.assessments.Item;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;
import org.relief.assessments.questionnaires.QuestionnaireRepository;
import org.relief.assessments.questionnaires.QuestionnaireRepository.NewResponse;
import org.relief.identity.PracticeInstalled;
import org.relief.patients.PatientRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One to five years of questionnaire scores for each synthetic demo patient: NRS, ODI or NDI, PHQ-9
 * and PEG about every three months, from invented answers that drift with a per-patient trend, each
 * scored by {@link Instruments#score}. The same seed gives the same history every time; rows go in
 * by batch so the demo still starts in seconds.
 */
@Component
@Profile("demo")
class DemoQuestionnaireScores {

  private static final Logger log = LoggerFactory.getLogger(DemoQuestionnaireScores.class);

  private final PatientRegistry patients;
  private final Instruments instruments;
  private final QuestionnaireRepository repository;
  private final Clock clock;

  DemoQuestionnaireScores(
      PatientRegistry patients,
      Instruments instruments,
      QuestionnaireRepository repository,
      Clock clock) {
    this.patients = patients;
    this.instruments = instruments;
    this.repository = repository;
    this.clock = clock;
  }

  @EventListener
  @Order(40)
  void on(PracticeInstalled installed) {
    Random random = new Random(20261124L + 40);
    Instant now = clock.instant();
    List<NewResponse> rows = new ArrayList<>();
    for (long patientId : patients.syntheticPatientIds()) {
      int visits = 4 + random.nextInt(17);
      double severity = 0.35 + random.nextDouble() * 0.5;
      double trend = -0.4 + random.nextDouble() * 0.5;
      String disability = random.nextInt(3) == 0 ? "ndi" : "odi";
      Instant start = now.minus(Duration.ofDays(91L * visits + random.nextInt(30)));
      for (int v = 0; v < visits; v++) {
        Instant at = start.plus(Duration.ofDays(91L * v + random.nextInt(14)));
        double level = Math.max(0.02, Math.min(0.98, severity + trend * v / visits));
        for (String code : List.of("nrs", disability, "phq9", "peg")) {
          rows.add(scored(patientId, instruments.definition(code), level, at, random));
        }
      }
    }
    repository.insertResponses(rows);
    log.info("Synthetic demo practice: {} questionnaire scores stored", rows.size());
  }

  private NewResponse scored(
      long patientId, Instrument instrument, double level, Instant at, Random random) {
    Map<String, Integer> answers = new LinkedHashMap<>();
    for (Item item : instrument.items()) {
      if (!item.scored()) {
        continue;
      }
      double mood = instrument.code().equals("phq9") ? level * 0.7 : level;
      double wanted = item.min() + mood * (item.max() - item.min()) + random.nextGaussian() * 0.8;
      int value = (int) Math.round(Math.max(item.min(), Math.min(item.max(), wanted)));
      if (instrument.code().equals("phq9") && item.key().equals("9")) {
        value = random.nextInt(25) == 0 ? 1 : 0;
      }
      answers.put(item.key(), value);
    }
    Score score = instruments.score(instrument.code(), answers, ScoringContext.none());
    return new NewResponse(
        patientId,
        null,
        instrument.code(),
        instrument.version(),
        at,
        score.score(),
        score.band(),
        score.subscores(),
        score.flags(),
        score.answered());
  }
}
