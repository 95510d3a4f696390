package org.relief.careers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.careers.SpecialistProfileTest.Specialist;
import org.relief.careers.specialists.ExpiryRadar;
import org.relief.careers.specialists.Reminder;
import org.relief.careers.specialists.SpecialistProfiles;
import org.relief.identity.UserAccounts;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReliefIntegrationTest
class ExpiryRadarTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired SpecialistProfiles profiles;
  @Autowired ExpiryRadar radar;
  @Autowired MutableClock clock;

  private Instant start;

  @BeforeEach
  void remember() {
    start = clock.instant();
  }

  @AfterEach
  void restore() {
    clock.set(start);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneId.of("America/New_York"));
  }

  private Specialist specialist() {
    return SpecialistProfileTest.specialist(accounts, port);
  }

  private java.util.List<Reminder> reminders(Specialist s) {
    return radar.remindersFor(profiles.own(s.account().id()));
  }

  private static void post(Specialist s, String action, Map<String, String> form) {
    assertThat(s.http().submit("/careers/profile", action, form).statusCode())
        .as(action)
        .isEqualTo(302);
  }

  @Test
  void aLicenceComesOnTheRadarNinetyDaysBeforeItExpiresAndShowsAsLapsedAfter() {
    Specialist s = specialist();
    post(s, "/careers/profile", Map.of("caqhAttestedOn", today().toString()));
    post(
        s,
        "/careers/profile/licences",
        Map.of(
            "licState",
            "CO",
            "licNumber",
            "DR-1",
            "licStatus",
            "ACTIVE",
            "licExpires",
            today().plusDays(100).toString()));
    assertThat(reminders(s)).noneMatch(r -> r.what().contains("DR-1"));

    clock.advance(Duration.ofDays(11));
    assertThat(reminders(s))
        .filteredOn(r -> r.what().equals("CO licence DR-1"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.daysLeft()).isEqualTo(89);
              assertThat(r.lapsed()).isFalse();
            });
    assertThat(s.http().get("/careers/profile").body()).contains("CO licence DR-1", "in 89 days");

    clock.advance(Duration.ofDays(95));
    assertThat(reminders(s))
        .filteredOn(r -> r.what().equals("CO licence DR-1"))
        .singleElement()
        .satisfies(r -> assertThat(r.lapsed()).isTrue());
    assertThat(s.http().get("/careers/profile").body()).contains("Lapsed", "expired on");
  }

  @Test
  void caqhReAttestationIsDue120DaysAfterAttestingOr180InIllinois() {
    Specialist texas = specialist();
    Specialist illinois = specialist();
    LocalDate attested = today().minusDays(100);
    post(
        texas,
        "/careers/profile",
        Map.of("homeState", "TX", "caqhAttestedOn", attested.toString()));
    post(
        illinois,
        "/careers/profile",
        Map.of("homeState", "IL", "caqhAttestedOn", attested.toString()));
    assertThat(reminders(texas)).noneMatch(r -> r.what().startsWith("CAQH"));

    clock.advance(Duration.ofDays(6));
    assertThat(reminders(texas))
        .filteredOn(r -> r.what().startsWith("CAQH"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.dueOn()).isEqualTo(attested.plusDays(120));
              assertThat(r.daysLeft()).isEqualTo(14);
            });
    assertThat(reminders(illinois)).noneMatch(r -> r.what().startsWith("CAQH"));

    clock.advance(Duration.ofDays(60));
    assertThat(reminders(illinois))
        .filteredOn(r -> r.what().startsWith("CAQH"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.dueOn()).isEqualTo(attested.plusDays(180));
              assertThat(r.detail()).contains("180 days in IL");
            });
  }

  @Test
  void aMissingCaqhDateIsOnTheRadarUntilItIsRecorded() {
    Specialist s = specialist();
    assertThat(reminders(s))
        .filteredOn(r -> r.what().startsWith("CAQH"))
        .singleElement()
        .satisfies(r -> assertThat(r.dueOn()).isNull());
  }

  @Test
  void registrationsBoardsMocAndUnmetCmeCyclesComeOnTheRadarInsideTheirWindows() {
    Specialist s = specialist();
    post(s, "/careers/profile", Map.of("caqhAttestedOn", today().toString()));
    post(
        s,
        "/careers/profile/registrations",
        Map.of(
            "regKind",
            "DEA",
            "regState",
            "CO",
            "regNumber",
            "FD7654321",
            "regExpires",
            today().plusDays(60).toString()));
    post(
        s,
        "/careers/profile/boards",
        Map.of(
            "boardBoard",
            "ABMS",
            "boardSpecialty",
            "Pain Medicine",
            "boardExpires",
            today().plusDays(900).toString(),
            "boardMoc",
            today().plusDays(170).toString()));
    post(
        s,
        "/careers/profile/cme-requirements",
        Map.of(
            "reqState",
            "CO",
            "reqCategory",
            "OPIOID_PRESCRIBING",
            "reqCredits",
            "2",
            "reqStart",
            today().minusDays(300).toString(),
            "reqDue",
            today().plusDays(100).toString()));
    post(
        s,
        "/careers/profile/cme-requirements",
        Map.of(
            "reqState",
            "CO",
            "reqCategory",
            "ETHICS",
            "reqCredits",
            "1",
            "reqStart",
            today().minusDays(300).toString(),
            "reqDue",
            today().plusDays(100).toString()));
    post(
        s,
        "/careers/profile/cme",
        Map.of(
            "cmeCategory",
            "OPIOID_PRESCRIBING",
            "cmeState",
            "CO",
            "cmeCredits",
            "0.5",
            "cmeEarned",
            today().minusDays(10).toString()));
    post(
        s,
        "/careers/profile/cme",
        Map.of(
            "cmeCategory",
            "ETHICS",
            "cmeCredits",
            "1",
            "cmeEarned",
            today().minusDays(5).toString()));

    var found = reminders(s);
    assertThat(found)
        .extracting(Reminder::what, Reminder::event)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("DEA registration FD7654321 (CO)", "expires"),
            org.assertj.core.groups.Tuple.tuple(
                "CO CME: Pain management and opioid prescribing", "credits due"),
            org.assertj.core.groups.Tuple.tuple(
                "ABMS (ABA, ABPMR, ABPN) certification in Pain Medicine", "MOC requirement due"));
    assertThat(found.get(1).detail()).contains("0.5 of 2 credits", "1.5 to go");
  }
}
