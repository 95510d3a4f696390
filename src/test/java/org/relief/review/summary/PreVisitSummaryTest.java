package org.relief.review.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class PreVisitSummaryTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired UserAccounts accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void physicianSeesRedFlagsScoresEveryProcedureAndTheMedications() {
    var seeded = SummaryFixtures.patientWithHistory(app, 3, 60, true);
    long id = seeded.patient().id();
    Http physician = Staff.signedIn(accounts, port, Role.PAIN_PHYSICIAN);

    HttpResponse<String> page = physician.get("/patients/" + id + "/summary");

    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html)
        .contains("Pre-visit summary", "Summerhill, Rosa")
        .contains("data-flag=\"phq9-item-9\"", "PHQ-9 item 9 answered 1 or more")
        .contains("data-flag=\"mme-reassess\"", "data-flag=\"mme-legacy\"", "90 MME/day")
        .contains("apixaban", "direct oral anticoagulant, factor Xa inhibitor")
        .contains("Lumbar spine", "Left lower back", "Physical therapy")
        .contains("id=\"summary-chart\"", "data-timeline=", "/js/summary.js", "uPlot.iife.min.js");
    assertThat(html.split("data-procedure=", -1)).hasSize(seeded.procedures() + 1);
    assertThat(html).contains("L4–L5", "· left", "· bilateral", "NRS 7 → 2");
    assertThat(html).contains("What changed since", "the questionnaire before the latest one");
    assertThat(html).contains("Started <strong>gabapentin</strong>");
  }

  @Test
  void theDayOfTheLastVisitCanBeChosenAndABadDayIsRefused() {
    var seeded = SummaryFixtures.patientWithHistory(app, 1, 90, false);
    long id = seeded.patient().id();
    Http nurse = Staff.signedIn(accounts, port, Role.NURSE);

    String longAgo = nurse.get("/patients/" + id + "/summary?since=2000-01-01").body();
    assertThat(longAgo).contains("the day you chose", "first result");

    HttpResponse<String> garbled = nurse.get("/patients/" + id + "/summary?since=last-tuesday");
    assertThat(garbled.statusCode()).isEqualTo(422);
    assertThat(garbled.body()).contains("a date such as 2026-08-20");

    HttpResponse<String> future = nurse.get("/patients/" + id + "/summary?since=2999-01-01");
    assertThat(future.statusCode()).isEqualTo(422);
    assertThat(future.body()).contains("cannot be after today");
  }

  @Test
  void aPatientWithNothingRecordedGetsASummaryThatSaysSo() {
    var seeded = SummaryFixtures.patientWithHistory(app, 0, 30, false);
    Http surgeon = Staff.signedIn(accounts, port, Role.SURGEON);

    HttpResponse<String> page = surgeon.get("/patients/" + seeded.patient().id() + "/summary");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("None found.", "No opioid taken today.", "No scores, procedures or opioids");
  }

  @Test
  void anUnknownPatientIsNotFound() {
    Http physician = Staff.signedIn(accounts, port, Role.PAIN_PHYSICIAN);
    assertThat(physician.get("/patients/987654321/summary").statusCode()).isEqualTo(404);
    assertThat(physician.get("/patients/987654321/summary.pdf").statusCode()).isEqualTo(404);
  }

  @Test
  void frontDeskAdministratorsAndRecruitersCannotOpenTheSummary() {
    var seeded = SummaryFixtures.patientWithHistory(app, 1, 90, false);
    long id = seeded.patient().id();
    for (Role role : new Role[] {Role.FRONT_DESK, Role.PRACTICE_ADMIN, Role.RECRUITER}) {
      Http browser = Staff.signedIn(accounts, port, role);
      assertThat(browser.get("/patients/" + id + "/summary").statusCode())
          .as(role.name())
          .isEqualTo(403);
      assertThat(browser.get("/patients/" + id + "/summary.pdf").statusCode())
          .as(role.name())
          .isEqualTo(403);
    }
    assertThat(Http.browser(port).get("/patients/" + id + "/summary").statusCode()).isEqualTo(302);
  }

  @Test
  void theChartLinksToTheSummaryForCliniciansButNotForTheFrontDesk() {
    var seeded = SummaryFixtures.patientWithHistory(app, 0, 30, false);
    long id = seeded.patient().id();
    String link = "/patients/" + id + "/summary";

    String physicianChart =
        Staff.signedIn(accounts, port, Role.PAIN_PHYSICIAN).get("/patients/" + id).body();
    String deskChart =
        Staff.signedIn(accounts, port, Role.FRONT_DESK).get("/patients/" + id).body();

    assertThat(physicianChart).contains("href=\"" + link + "\"", "Open the pre-visit summary");
    assertThat(deskChart).doesNotContain(link);
  }

  @Test
  void eachViewOfTheSummaryIsAudited() {
    var seeded = SummaryFixtures.patientWithHistory(app, 1, 90, false);
    String id = Long.toString(seeded.patient().id());
    Http physician = Staff.signedIn(accounts, port, Role.PAIN_PHYSICIAN);

    physician.get("/patients/" + id + "/summary");
    physician.get("/patients/" + id + "/summary");

    assertThat(views("READ", id)).isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE object_type = 'QuestionnaireResponse'"
                        + " AND object_id = :id AND action = 'SEARCH'")
                .param("id", "patient:" + id)
                .query(Long.class)
                .single())
        .as("each view reads the scores through the audited query; other modules may read too")
        .isGreaterThanOrEqualTo(2);
  }

  long views(String action, String patientId) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE object_type = 'PreVisitSummary'"
                + " AND object_id = :id AND action = :action AND outcome = 'SUCCESS'")
        .param("id", patientId)
        .param("action", action)
        .query(Long.class)
        .single();
  }
}
