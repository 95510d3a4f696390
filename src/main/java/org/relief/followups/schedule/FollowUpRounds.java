package org.relief.followups.schedule;

import java.time.Clock;
import java.time.LocalDate;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.followups.FollowUpMissed;
import org.relief.followups.MessageChannel;
import org.relief.followups.MessageChannel.OutboundMessage;
import org.relief.platform.PracticeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up rounds, on the injected clock's day in the practice's time zone: a questionnaire
 * whose window has opened gets its link sent to the patient; a follow-up whose window closed
 * unanswered is marked missed and announced.
 *
 * <p>The rounds run on a timer ({@code relief.followups.rounds-cron}) and each time the evening
 * work-list is opened, so the list never shows a window as open that has closed. Rows are locked
 * with SKIP LOCKED, so two nodes (or the timer and a page) never send one link twice.
 */
@Service
public class FollowUpRounds {

  static final String LINK_AUDIT_TYPE = "FollowUpLink";
  private static final Logger log = LoggerFactory.getLogger(FollowUpRounds.class);

  private final FollowUpRepository followUps;
  private final MessageChannel channel;
  private final FollowUpSettings settings;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final PracticeSettings practice;

  FollowUpRounds(
      FollowUpRepository followUps,
      MessageChannel channel,
      FollowUpSettings settings,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock,
      PracticeSettings practice) {
    this.followUps = followUps;
    this.channel = channel;
    this.settings = settings;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.practice = practice;
  }

  /** What one round did. */
  public record Round(int linksSent, int missed) {}

  @Scheduled(cron = "${relief.followups.rounds-cron:0 */10 * * * *}")
  void onTimer() {
    run();
  }

  @Transactional
  public Round run() {
    LocalDate today = practice.today(clock);
    int sent = 0;
    for (FollowUp f : followUps.dueForLink(today)) {
      String token = PatientToken.generate();
      followUps.markSent(f.id(), PatientToken.digest(token), clock.instant());
      channel.send(
          new OutboundMessage(
              f.patientId(), "follow-up", Messages.followUp(settings.linkBaseUrl(), token)));
      audit.recordAccess(
          AuditActions.CREATE, LINK_AUDIT_TYPE, Long.toString(f.id()), Outcome.SUCCESS);
      sent++;
    }
    int missed = 0;
    for (FollowUp f : followUps.windowClosed(today)) {
      if (followUps.markMissed(f.id())) {
        audit.recordAccess(
            AuditActions.UPDATE,
            FollowUpScheduler.AUDIT_TYPE,
            Long.toString(f.id()),
            Outcome.SUCCESS,
            "missed");
        events.publishEvent(
            new FollowUpMissed(f.id(), f.procedureId(), f.patientId(), f.timepoint()));
        missed++;
      }
    }
    if (sent + missed > 0) {
      log.info("Follow-up rounds: {} links sent, {} missed", sent, missed);
    }
    return new Round(sent, missed);
  }
}
