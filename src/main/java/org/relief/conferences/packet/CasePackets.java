package org.relief.conferences.packet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.relief.assessments.Instrument;
import org.relief.assessments.Instruments;
import org.relief.assessments.PatientQuestionnaires;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.conferences.CaseConference;
import org.relief.conferences.CaseConferences;
import org.relief.conferences.ConferenceCase;
import org.relief.identity.UserAccount;
import org.relief.patients.CurrentMedications;
import org.relief.patients.Patient;
import org.relief.patients.PatientBackground;
import org.relief.patients.PatientConditions;
import org.relief.patients.PatientMedications;
import org.relief.patients.PatientRegistry;
import org.relief.platform.PracticeSettings;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.relief.procedures.ProcedureCatalogue;
import org.relief.procedures.ProcedureType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Assembles the case packet from the modules that own each part: the patient and pain history,
 * diagnoses and medications from {@code patients}, procedures from {@code procedures}, scores from
 * {@code assessments} (each owner audits its own read); the imaging report text and the
 * conservative care completed come from the nomination. Only the patient's care team and the
 * conference's attendees may open a packet; every opening and every refusal is audited as {@code
 * CasePacket} with the patient's ID.
 *
 * <p>Outcome analytics (responder rates) belong to a later module; until then a procedure's outcome
 * is the NRS recorded around it and the first scores after it.
 */
@Service
public class CasePackets {

  static final String AUDIT_TYPE = "CasePacket";

  /** The instruments whose change tells whether a treatment helped. */
  static final List<String> OUTCOME_INSTRUMENTS = List.of("nrs", "odi", "ndi", "phq9");

  static final int WIDTH = 160;
  static final int HEIGHT = 36;

  private final CaseConferences conferences;
  private final PatientRegistry patients;
  private final PatientBackground.Query backgrounds;
  private final PatientMedications medications;
  private final PerformedProcedures procedures;
  private final ProcedureCatalogue catalogue;
  private final PatientConditions conditions;
  private final PatientQuestionnaires questionnaires;
  private final Instruments instruments;
  private final AuditTrail audit;
  private final PracticeSettings practice;

  CasePackets(
      CaseConferences conferences,
      PatientRegistry patients,
      PatientBackground.Query backgrounds,
      PatientMedications medications,
      PerformedProcedures procedures,
      ProcedureCatalogue catalogue,
      PatientConditions conditions,
      PatientQuestionnaires questionnaires,
      Instruments instruments,
      AuditTrail audit,
      PracticeSettings practice) {
    this.conferences = conferences;
    this.patients = patients;
    this.backgrounds = backgrounds;
    this.medications = medications;
    this.procedures = procedures;
    this.catalogue = catalogue;
    this.conditions = conditions;
    this.questionnaires = questionnaires;
    this.instruments = instruments;
    this.audit = audit;
    this.practice = practice;
  }

  /** Opens a case's packet for a clinician of the care team or an attendee; refuses anyone else. */
  public CasePacket open(long caseId, long userId) {
    ConferenceCase c = conferences.conferenceCase(caseId);
    requireViewer(c, userId);
    CaseConference conference = conferences.conference(c.conferenceId());
    LocalDate day = day(conference);
    Patient patient = patients.open(c.patientId());
    List<ScoredResult> results = scores(c.patientId());
    CurrentMedications current = medications.current(c.patientId());
    List<CasePacket.ProcedureOutcome> outcomes =
        procedures.forPatient(c.patientId()).stream()
            .map(p -> procedureOutcome(p, results))
            .toList();
    CasePacket packet =
        new CasePacket(
            conference,
            c,
            patient,
            patient.ageOn(day),
            conferences.user(c.nominatedBy()).map(UserAccount::displayName).orElse("—"),
            backgrounds.of(c.patientId()),
            conditions.of(c.patientId()),
            current.medications().stream()
                .map(
                    m ->
                        new CasePacket.MedicationLine(
                            m.drug(),
                            m.dose().stripTrailingZeros().toPlainString() + " " + m.unit(),
                            m.schedule(),
                            m.startDate(),
                            m.mme() == null || m.mme().mme() == null
                                ? null
                                : m.mme().mme().toPlainString() + " MME/day"))
                .toList(),
            current.mme().map(m -> m.totalMme().toPlainString() + " MME/day").orElse(null),
            outcomes,
            trajectories(results));
    audit.recordAccess(
        AuditActions.READ,
        AUDIT_TYPE,
        Long.toString(c.patientId()),
        Outcome.SUCCESS,
        "case " + caseId);
    return packet;
  }

  /**
   * What happened since the case's conference, for the follow-through at a later conference; empty
   * for a clinician who may not see the case (audited either way).
   */
  public Optional<CaseOutcome> outcomeSince(ConferenceCase c, long userId) {
    if (!conferences.mayView(c, userId)) {
      audit.recordAccess(
          AuditActions.READ,
          "CaseOutcome",
          Long.toString(c.patientId()),
          Outcome.DENIED,
          "case " + c.id());
      return Optional.empty();
    }
    LocalDate since = day(conferences.conference(c.conferenceId()));
    List<String> done =
        procedures.forPatient(c.patientId()).stream()
            .filter(p -> p.performedOn().isAfter(since))
            .map(p -> p.performedOn() + " " + name(p.procedureType()) + side(p))
            .toList();
    List<ScoredResult> results = scores(c.patientId());
    List<CasePacket.ScoreChange> changes = new ArrayList<>();
    for (String code : OUTCOME_INSTRUMENTS) {
      List<ScoredResult> of =
          results.stream().filter(r -> r.instrument().equals(code) && r.score() != null).toList();
      if (of.isEmpty()) {
        continue;
      }
      Optional<ScoredResult> before =
          of.stream().filter(r -> !r.scoredOn().isAfter(since)).reduce((a, b) -> b);
      Optional<ScoredResult> latest =
          of.stream().filter(r -> r.scoredOn().isAfter(since)).reduce((a, b) -> b);
      changes.add(change(of.get(0).name(), before, latest));
    }
    audit.recordAccess(
        AuditActions.READ,
        "CaseOutcome",
        Long.toString(c.patientId()),
        Outcome.SUCCESS,
        "case " + c.id());
    return Optional.of(new CaseOutcome(since, done, changes));
  }

  /** One scored result with what the packet needs of its instrument, dated in the practice. */
  record ScoredResult(
      String instrument,
      String name,
      LocalDate scoredOn,
      Double score,
      String band,
      double minScore,
      double maxScore) {}

  private List<ScoredResult> scores(long patientId) {
    return questionnaires.scores(patientId).stream()
        .map(
            r -> {
              Instrument i = instruments.definition(r.instrument());
              return new ScoredResult(
                  i.code(),
                  i.shortName(),
                  r.scoredAt().atZone(practice.timeZone()).toLocalDate(),
                  r.score(),
                  r.band(),
                  i.minScore(),
                  i.maxScore());
            })
        .toList();
  }

  /** The catalogue's name for a procedure code, or the code itself. */
  public String name(String procedureCode) {
    return catalogue.find(procedureCode).map(ProcedureType::name).orElse(procedureCode);
  }

  private void requireViewer(ConferenceCase c, long userId) {
    if (!conferences.mayView(c, userId)) {
      audit.recordAccess(
          AuditActions.READ,
          AUDIT_TYPE,
          Long.toString(c.patientId()),
          Outcome.DENIED,
          "case " + c.id());
      throw new AccessDeniedException(
          "Only the patient's care team and the conference's attendees see this case packet.");
    }
  }

  private CasePacket.ProcedureOutcome procedureOutcome(
      PerformedProcedure p, List<ScoredResult> results) {
    List<CasePacket.ScoreChange> after = new ArrayList<>();
    for (String code : OUTCOME_INSTRUMENTS) {
      List<ScoredResult> of =
          results.stream().filter(r -> r.instrument().equals(code) && r.score() != null).toList();
      if (of.isEmpty() || code.equals("phq9")) {
        continue;
      }
      Optional<ScoredResult> before =
          of.stream().filter(r -> !r.scoredOn().isAfter(p.performedOn())).reduce((a, b) -> b);
      Optional<ScoredResult> first =
          of.stream().filter(r -> r.scoredOn().isAfter(p.performedOn())).findFirst();
      after.add(change(of.get(0).name(), before, first));
    }
    return new CasePacket.ProcedureOutcome(
        name(p.procedureType()),
        p.performedOn(),
        p.levels().isEmpty() ? "—" : String.join(", ", p.levels()),
        p.laterality().label(),
        p.preProcedureNrs(),
        p.postProcedureNrs(),
        after);
  }

  private static CasePacket.ScoreChange change(
      String name, Optional<ScoredResult> before, Optional<ScoredResult> after) {
    return new CasePacket.ScoreChange(
        name,
        before.map(r -> format(r.score())).orElse("—"),
        before.map(ScoredResult::scoredOn).orElse(null),
        after.map(r -> format(r.score())).orElse("—"),
        after.map(ScoredResult::scoredOn).orElse(null));
  }

  private String side(PerformedProcedure p) {
    return switch (p.laterality()) {
      case NOT_APPLICABLE -> "";
      default -> ", " + p.laterality().label().toLowerCase(Locale.ROOT);
    };
  }

  private List<CasePacket.Trajectory> trajectories(List<ScoredResult> results) {
    Map<String, List<ScoredResult>> byInstrument = new LinkedHashMap<>();
    for (ScoredResult r : results) {
      if (r.score() != null) {
        byInstrument.computeIfAbsent(r.instrument(), k -> new ArrayList<>()).add(r);
      }
    }
    List<CasePacket.Trajectory> list = new ArrayList<>();
    byInstrument.forEach(
        (code, of) -> {
          ScoredResult any = of.get(0);
          long first = of.get(0).scoredOn().toEpochDay();
          long last = of.get(of.size() - 1).scoredOn().toEpochDay();
          double span = Math.max(1, last - first);
          double range = Math.max(1e-9, any.maxScore() - any.minScore());
          StringBuilder line = new StringBuilder();
          for (ScoredResult r : of) {
            double x =
                of.size() == 1
                    ? WIDTH / 2.0
                    : 2 + (WIDTH - 4) * (r.scoredOn().toEpochDay() - first) / span;
            double y = HEIGHT - 2 - (HEIGHT - 4) * (r.score() - any.minScore()) / range;
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
          }
          list.add(
              new CasePacket.Trajectory(
                  any.name(),
                  format(any.minScore()) + "–" + format(any.maxScore()),
                  of.stream()
                      .map(r -> new CasePacket.Point(r.scoredOn(), format(r.score()), r.band()))
                      .toList(),
                  line.toString().strip(),
                  format(of.get(0).score()),
                  format(of.get(of.size() - 1).score())));
        });
    return list;
  }

  private LocalDate day(CaseConference conference) {
    return conference.startsAt().atZone(practice.timeZone()).toLocalDate();
  }

  static String format(Double value) {
    if (value == null) {
      return "—";
    }
    return value == Math.rint(value)
        ? Long.toString(value.longValue())
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
