package org.relief.careers.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relief.audit.AuditTrail;
import org.relief.careers.employers.Employers;
import org.relief.careers.jobs.JobPostings;
import org.relief.careers.matching.Matches;
import org.relief.careers.outreach.OutreachFixtures.Recruiter;
import org.relief.careers.outreach.OutreachFixtures.Specialist;
import org.relief.careers.specialists.SpecialistProfiles;
import org.relief.identity.UserAccounts;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class OutreachTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired Employers employers;
  @Autowired MutableClock clock;
  @Autowired OutreachRepository repository;
  @Autowired JobPostings postings;
  @Autowired Matches matches;
  @Autowired SpecialistProfiles profiles;
  @Autowired AuditTrail audit;
  @Autowired PracticeSettings practice;
  @Autowired JdbcClient jdbc;

  private Instant start;

  @AfterEach
  void resetClock() {
    if (start != null) {
      clock.set(start);
    }
  }

  private Specialist willing(String state, int minPay) {
    return OutreachFixtures.willing(accounts, port, state, minPay, clock);
  }

  private static String list(Recruiter r, long job) {
    HttpResponse<String> page = r.http().get("/careers/outreach/jobs/" + job);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return page.body();
  }

  @Test
  void theRecruiterSeesOnlySpecialistsWhoAllowContactAndWhoseCriteriaTheJobMeets() {
    Recruiter r = OutreachFixtures.recruiter(accounts, employers, port);
    long job =
        OutreachFixtures.publish(r, OutreachFixtures.posting("Outreach list — NM", "NM", clock));
    Specialist fits = willing("NM", 512_345);
    Specialist noConsent = willing("NM", 500_000);
    OutreachFixtures.preferences(noConsent, "NM", 500_000, false);
    Specialist elsewhere = willing("VT", 500_000);
    Specialist wantsMore = willing("NM", 600_000);

    String page = list(r, job);
    assertThat(page)
        .contains(fits.name())
        .contains("Their criteria are met")
        .contains(
            "meets 1 of 4 requirements — gaps: DRG stimulation, Licence in NM, Board accepted")
        .contains("Licence path: NM: New licence needed")
        .doesNotContain(noConsent.name())
        .doesNotContain(elsewhere.name())
        .doesNotContain(wantsMore.name())
        .doesNotContain("512,345")
        .doesNotContain("512345")
        .doesNotContain("you have 27");
    assertThat(page).doesNotContain("Download").doesNotContain(".csv");
  }

  @Test
  void aRecruiterWritesToOneSpecialistAndTheSpecialistSeesWhyTheyWereMatchedAndAnswers() {
    Recruiter r = OutreachFixtures.recruiter(accounts, employers, port);
    long job =
        OutreachFixtures.publish(r, OutreachFixtures.posting("Outreach send — NM", "NM", clock));
    Specialist s = willing("NM", 500_000);

    var compose = r.http().get("/careers/outreach/jobs/" + job + "/specialists/" + s.id());
    assertThat(compose.statusCode()).isEqualTo(200);
    assertThat(compose.body())
        .contains("Relief attaches why they were matched")
        .doesNotContain("you have 27");

    var sent = OutreachFixtures.write(r, job, s.id(), "Our ASC in Springfield is hiring; call me.");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    assertThat(list(r, job)).contains("Written to");

    var again = OutreachFixtures.write(r, job, s.id(), "Second try");
    assertThat(again.statusCode()).isEqualTo(422);
    assertThat(again.body()).contains("already written to this specialist");

    String inbox = s.http().get("/careers/inbox").body();
    assertThat(inbox)
        .contains("Our ASC in Springfield is hiring; call me.")
        .contains("Why you were matched")
        .contains(
            "Meets 1 of 4 requirements — gaps: DRG stimulation, Licence in NM, Board accepted")
        .contains("needs 25 in the last 12 months; you have 27")
        .contains("27 cases x 9.00 wRVUs = 243.0")
        .contains("$50 x (243.0 projected wRVUs − threshold 100, not below 0) = $7,150")
        .contains("$1,500 x 2 nights a month x 12 = $36,000")
        .contains("$493,150–$543,150")
        .contains("In a state you chose: NM")
        .contains("Estimated total reaches your minimum");

    long messageId = repository.inbox(s.id(), 10).get(0).id();
    assertThat(
            audited(
                "CREATE",
                "OutreachMessage",
                Long.toString(messageId),
                "job " + job + " to specialist " + s.id()))
        .isEqualTo(1);
    Specialist stranger = willing("NM", 500_000);
    var foreign =
        stranger
            .http()
            .submit(
                "/careers/inbox",
                "/careers/inbox/" + messageId + "/answer",
                Map.of("answer", "INTERESTED"));
    assertThat(foreign.statusCode()).isEqualTo(404);

    var badAnswer =
        s.http()
            .submit(
                "/careers/inbox",
                "/careers/inbox/" + messageId + "/answer",
                Map.of("answer", "MAYBE"));
    assertThat(badAnswer.statusCode()).isEqualTo(422);
    assertThat(badAnswer.body()).contains("Choose the answer from the list.");

    var answered =
        s.http()
            .submit(
                "/careers/inbox",
                "/careers/inbox/" + messageId + "/answer",
                Map.of("answer", "INTERESTED", "note", "Weekdays after 5 pm"));
    assertThat(answered.statusCode()).isEqualTo(302);
    assertThat(r.http().get("/careers/outreach").body())
        .contains(s.name(), "Interested", "Weekdays after 5 pm", "Outreach send — NM");
  }

  @Test
  void aSpecialistWhoWithdrawsConsentTightensCriteriaOrBlocksTheOrganisationCannotBeWritten() {
    Recruiter r = OutreachFixtures.recruiter(accounts, employers, port);
    long job =
        OutreachFixtures.publish(
            r, OutreachFixtures.posting("Outreach refusals — NM", "NM", clock));
    Specialist s = willing("NM", 500_000);
    assertThat(list(r, job)).contains(s.name());

    OutreachFixtures.preferences(s, "NM", 600_000, true);
    assertThat(list(r, job)).doesNotContain(s.name());
    assertNotContactable(OutreachFixtures.write(r, job, s.id(), "Hello"));
    assertThat(
            r.http().get("/careers/outreach/jobs/" + job + "/specialists/" + s.id()).statusCode())
        .isEqualTo(422);

    OutreachFixtures.preferences(s, "NM", 500_000, false);
    assertThat(list(r, job)).doesNotContain(s.name());
    assertNotContactable(OutreachFixtures.write(r, job, s.id(), "Hello"));

    OutreachFixtures.preferences(s, "NM", 500_000, true);
    assertThat(list(r, job)).contains(s.name());
    var blocked =
        s.http()
            .submit(
                "/careers/inbox",
                "/careers/inbox/blocks",
                Map.of("employerId", Long.toString(r.employer().id())));
    assertThat(blocked.statusCode()).isEqualTo(302);
    assertThat(s.http().get("/careers/inbox").body()).contains("Organisations you have blocked");
    assertThat(list(r, job)).doesNotContain(s.name());
    assertNotContactable(OutreachFixtures.write(r, job, s.id(), "Hello"));

    s.http()
        .submit(
            "/careers/inbox", "/careers/inbox/blocks/" + r.employer().id() + "/remove", Map.of());
    assertThat(list(r, job)).contains(s.name());

    Specialist notAnyone = OutreachFixtures.specialist(accounts, port);
    assertNotContactable(OutreachFixtures.write(r, job, notAnyone.id(), "Hello"));
    assertNotContactable(OutreachFixtures.write(r, job, 987_654_321L, "Hello"));

    var empty = OutreachFixtures.write(r, job, s.id(), "   ");
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("Write a message before sending it.");
    var tooLong = OutreachFixtures.write(r, job, s.id(), "x".repeat(2001));
    assertThat(tooLong.statusCode()).isEqualTo(422);
    assertThat(tooLong.body()).contains("at most 2000 characters");
  }

  private long audited(String action, String type, String objectId, String detail) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = :a AND object_type = :t AND object_id"
                + " = :id AND detail = :d")
        .param("a", action)
        .param("t", type)
        .param("id", objectId)
        .param("d", detail)
        .query(Long.class)
        .single();
  }

  private static void assertNotContactable(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    assertThat(response.body())
        .contains("is not on the list of specialists you may contact")
        .contains("Relief does not say which");
  }

  @Test
  void aRecruiterCannotReachAnotherOrganisationsPostingADraftOrAnotherArea() {
    Recruiter mine = OutreachFixtures.recruiter(accounts, employers, port);
    Recruiter theirs = OutreachFixtures.recruiter(accounts, employers, port);
    long theirJob =
        OutreachFixtures.publish(
            theirs, OutreachFixtures.posting("Outreach theirs — NM", "NM", clock));
    Specialist s = willing("NM", 500_000);

    var other = mine.http().get("/careers/outreach/jobs/" + theirJob);
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.body()).contains("belongs to another organisation").doesNotContain(s.name());
    assertThat(
            mine.http()
                .get("/careers/outreach/jobs/" + theirJob + "/specialists/" + s.id())
                .statusCode())
        .isEqualTo(403);
    var send = OutreachFixtures.write(mine, theirJob, s.id(), "Poaching");
    assertThat(send.statusCode()).isEqualTo(403);
    assertThat(send.body()).contains("belongs to another organisation");
    assertThat(
            audited(
                "ACCESS_DENIED",
                "OutreachList",
                Long.toString(theirJob),
                "employer " + mine.employer().id() + " is not the posting's"))
        .isEqualTo(3);

    long theirDraft =
        OutreachFixtures.draft(
            theirs, OutreachFixtures.posting("Outreach draft — NM", "NM", clock));
    assertThat(mine.http().get("/careers/outreach/jobs/" + theirDraft).statusCode()).isEqualTo(404);
    assertThat(mine.http().get("/careers/outreach/jobs/999999999").statusCode()).isEqualTo(404);

    long myDraft =
        OutreachFixtures.draft(
            mine, OutreachFixtures.posting("Outreach my draft — NM", "NM", clock));
    var draft = mine.http().get("/careers/outreach/jobs/" + myDraft);
    assertThat(draft.statusCode()).isEqualTo(422);
    assertThat(draft.body()).contains("is not open");

    assertThat(s.http().get("/careers/outreach").statusCode()).isEqualTo(403);
    assertThat(s.http().get("/careers/outreach/jobs/" + theirJob).statusCode()).isEqualTo(403);
    assertThat(mine.http().get("/careers/inbox").statusCode()).isEqualTo(403);
    for (Role role : Set.of(Role.PRACTICE_ADMIN, Role.PAIN_PHYSICIAN)) {
      var staff = Staff.signedIn(accounts, port, role);
      assertThat(staff.get("/careers/outreach/jobs/" + theirJob).statusCode()).isEqualTo(403);
      assertThat(staff.get("/careers/inbox").statusCode()).isEqualTo(403);
    }
  }

  @Test
  void theListIsPagedAndCappedAndARecruiterSendsAtMostTheDailyLimit() {
    start = clock.instant();
    Outreach limited =
        new Outreach(
            repository,
            postings,
            employers,
            matches,
            profiles,
            accounts,
            audit,
            new OutreachSettings(2, 2, 3),
            clock,
            practice);
    Recruiter r = OutreachFixtures.recruiter(accounts, employers, port);
    long job =
        OutreachFixtures.publish(r, OutreachFixtures.posting("Outreach cap — WY", "WY", clock));
    long recruiter = r.account().id();
    Specialist a = willing("WY", 500_000);
    Specialist b = willing("WY", 500_000);
    Specialist c = willing("WY", 500_000);
    willing("WY", 500_000);

    ContactList first = limited.contactable(recruiter, job, 1);
    assertThat(first.listed()).isEqualTo(3);
    assertThat(first.capped()).isTrue();
    assertThat(first.pages()).isEqualTo(2);
    assertThat(first.candidates()).hasSize(2);
    assertThat(limited.contactable(recruiter, job, 2).candidates()).hasSize(1);
    assertThat(limited.contactable(recruiter, job, 99).page()).isEqualTo(2);

    limited.send(recruiter, job, a.id(), "One");
    limited.send(recruiter, job, b.id(), "Two");
    assertThatThrownBy(() -> limited.send(recruiter, job, c.id(), "Three"))
        .isInstanceOf(DailyLimitReached.class)
        .hasMessageContaining("You have sent 2 messages today")
        .hasMessageContaining("Write again tomorrow");

    clock.advance(Duration.ofDays(1));
    assertThat(limited.send(recruiter, job, c.id(), "Three")).isPositive();
  }

  @Test
  void aRecruiterOverTheDailyLimitIsToldToWriteTomorrowAndTheMessageIsKept() {
    Recruiter r = OutreachFixtures.recruiter(accounts, employers, port);
    long job =
        OutreachFixtures.publish(r, OutreachFixtures.posting("Outreach limit — ND", "ND", clock));
    for (int i = 0; i < 20; i++) {
      long earlier =
          accounts
              .create(
                  new UserAccounts.NewUser(
                      "outreach-earlier-" + OutreachFixtures.unique(),
                      "Dr Earlier " + i,
                      OutreachFixtures.PASSWORD,
                      Set.of(Role.SPECIALIST)))
              .id();
      profiles.own(earlier);
      repository.insert(
          job, r.employer().id(), r.account().id(), earlier, "Earlier", List.of(), clock.instant());
    }
    Specialist s = willing("ND", 500_000);
    var refused = OutreachFixtures.write(r, job, s.id(), "Twenty-first today");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body())
        .contains("You have sent 20 messages today")
        .contains("Write again tomorrow")
        .contains("Twenty-first today");
    assertThat(repository.exists(job, s.id())).isFalse();
  }
}
