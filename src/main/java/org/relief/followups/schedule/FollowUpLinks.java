package org.relief.followups.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relief.assessments.PatientQuestionnaires;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.followups.RedFlag;
import org.relief.followups.schedule.FollowUp.Status;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's side of a follow-up link: the red-flag check, then the questionnaire of the time
 * point through a secure link of the assessments module, made only when the patient gets there (so
 * its secret is never stored here). A wrong, spent or closed link is answered the same way.
 */
@Service
class FollowUpLinks {

  private final FollowUpRepository followUps;
  private final PatientQuestionnaires questionnaires;
  private final AuditTrail audit;
  private final Clock clock;
  private final PracticeSettings practice;

  FollowUpLinks(
      FollowUpRepository followUps,
      PatientQuestionnaires questionnaires,
      AuditTrail audit,
      Clock clock,
      PracticeSettings practice) {
    this.followUps = followUps;
    this.questionnaires = questionnaires;
    this.audit = audit;
    this.clock = clock;
    this.practice = practice;
  }

  /** The follow-up behind a link the patient can still use (audited either way). */
  Optional<FollowUp> open(String token) {
    LocalDate today = practice.today(clock);
    Optional<FollowUp> found =
        followUps
            .findByDigest(PatientToken.digest(token))
            .filter(f -> f.status() == Status.SENT && f.openOn(today));
    audit.recordAccess(
        AuditActions.READ,
        FollowUpRounds.LINK_AUDIT_TYPE,
        found.map(f -> Long.toString(f.id())).orElse("unknown"),
        found.isPresent() ? Outcome.SUCCESS : Outcome.FAILURE);
    return found;
  }

  /**
   * Records the patient's answers to the red-flag questions (each yes or no) and makes the
   * questionnaire link; returns its path.
   */
  @Transactional
  Optional<String> check(String token, Map<String, String> answers) {
    Optional<FollowUp> found = open(token);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    FollowUp f = found.get();
    List<RedFlag> yes = new ArrayList<>();
    for (RedFlag flag : RedFlag.values()) {
      String answer = answers.get(flag.code());
      if (answer == null || !(answer.equals("yes") || answer.equals("no"))) {
        throw new RuleViolation("red-flag-unanswered", "Please answer yes or no to each question.");
      }
      if (answer.equals("yes")) {
        yes.add(flag);
      }
    }
    followUps.addRedFlags(f.id(), yes, clock.instant());
    PatientQuestionnaires.Sent sent = questionnaires.send(f.patientId(), f.instruments());
    followUps.addQuestionnaire(f.id(), sent.questionnaireId());
    audit.recordAccess(
        AuditActions.UPDATE,
        FollowUpScheduler.AUDIT_TYPE,
        Long.toString(f.id()),
        Outcome.SUCCESS,
        "red-flag check: " + yes.size() + " yes");
    return Optional.of(sent.path());
  }
}
