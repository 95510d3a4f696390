package org.relief.followups.demo;

import org.relief.followups.schedule.SyntheticFollowUps;
import org.relief.identity.PracticeInstalled;
import org.relief.patients.PatientRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Follow-ups for the synthetic demo practice, after its procedure history (order 50): schedules,
 * answers, missed windows and some red flags, so the evening work-list is alive on first run.
 */
@Component
@Profile("demo")
class DemoFollowUps {

  private static final Logger log = LoggerFactory.getLogger(DemoFollowUps.class);

  private final SyntheticFollowUps synthetic;
  private final PatientRegistry patients;

  DemoFollowUps(SyntheticFollowUps synthetic, PatientRegistry patients) {
    this.synthetic = synthetic;
    this.patients = patients;
  }

  @EventListener
  @Order(60)
  void on(PracticeInstalled installed) {
    var seeded = synthetic.seed(patients.syntheticPatientIds(), 20261124L + 60);
    log.info(
        "Synthetic follow-ups: {} scheduled, {} answered, {} red flags",
        seeded.followUps(),
        seeded.answered(),
        seeded.redFlags());
  }
}
