package org.relief.followups.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relief.followups.FollowUpFixtures;
import org.relief.followups.schedule.FollowUp.Status;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.procedures.Laterality;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.relief.procedures.PerformedProcedures.Completed;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo's follow-up history, on a fixture of synthetic procedures made here (the demo's own
 * procedure history comes from the procedures module).
 */
@ReliefIntegrationTest
class SyntheticFollowUpsTest {

  @Autowired PatientRegistry registry;
  @Autowired UserAccounts accounts;
  @Autowired PerformedProcedures performed;
  @Autowired MutableClock clock;
  @Autowired SyntheticFollowUps synthetic;
  @Autowired FollowUpRepository followUps;
  @Autowired WorkList workList;

  @Test
  void seedsAnsweredAndMissedHistoryAndKeepsOldMissedWindowsOffTheList() {
    FollowUpFixtures fixtures = new FollowUpFixtures(registry, accounts, performed, clock);
    UserAccount physician = fixtures.physician();
    LocalDate today = fixtures.today();
    List<Long> patients = new ArrayList<>();
    List<PerformedProcedure> done = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Patient p =
          registry.registerSynthetic(
              new PatientDetails(
                  "SF" + i + "-" + (System.nanoTime() % 1_000_000_000L),
                  "Synthetic",
                  "Sam" + i,
                  LocalDate.of(1955 + i, 1, 1),
                  Sex.MALE,
                  null,
                  null,
                  "en"));
      patients.add(p.id());
      done.add(
          performed.recordSynthetic(
              new Completed(
                  p.id(),
                  "lumbar-tfesi",
                  today.minusDays(i < 8 ? 400 - i * 20 : i),
                  physician.id(),
                  List.of("L4–L5"),
                  Laterality.LEFT,
                  6,
                  2)));
    }

    var seeded = synthetic.seed(patients, 42L);
    var again = synthetic.seed(patients, 42L);

    assertThat(seeded.followUps()).isEqualTo(12 * 6);
    assertThat(again.followUps()).as("seeding twice schedules nothing new").isEqualTo(12 * 6);
    assertThat(seeded.answered()).isPositive();
    List<FollowUp> all =
        done.stream().flatMap(p -> followUps.forProcedure(p.id()).stream()).toList();
    assertThat(all).hasSize(72);
    assertThat(all)
        .filteredOn(f -> f.closesOn().isBefore(today))
        .allSatisfy(f -> assertThat(f.open()).isFalse())
        .extracting(FollowUp::status)
        .contains(Status.MISSED, Status.ANSWERED, Status.CALLED);
    List<Long> listed = workList.load().stream().map(i -> i.followUp().id()).toList();
    assertThat(all)
        .filteredOn(f -> f.closesOn().isBefore(today.minusDays(14)))
        .extracting(FollowUp::id)
        .doesNotContainAnyElementsOf(listed);
  }
}
