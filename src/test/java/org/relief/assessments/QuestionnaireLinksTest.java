package org.relief.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class QuestionnaireLinksTest {

  private static final Pattern LINK =
      Pattern.compile("value=\"http://localhost:\\d+(/q/[A-Za-z0-9_-]{43})\"");
  private static final AtomicInteger MRN = new AtomicInteger();
  private static final String PASSWORD = "a-long-enough-pass";

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired PatientRegistry registry;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  @BeforeEach
  void accountsAndAFreshRateWindow() {
    account("ql.nurse", Role.NURSE);
    account("ql.admin", Role.PRACTICE_ADMIN);
    account("ql.recruiter", Role.RECRUITER);
    clock.advance(Duration.ofMinutes(2));
  }

  private void account(String username, Role role) {
    if (accounts.findByUsername(username).isEmpty()) {
      accounts.create(new UserAccounts.NewUser(username, "Test " + role, PASSWORD, Set.of(role)));
    }
  }

  private Patient patient() {
    return registry.register(
        new PatientDetails(
            "QL-" + MRN.incrementAndGet() + "-" + System.nanoTime() % 100000,
            "Quillfeather",
            "Ottilie",
            LocalDate.of(1971, 3, 9),
            Sex.FEMALE,
            null,
            null,
            null));
  }

  private Http signedIn(String username) {
    Http http = Http.browser(port);
    http.signIn(username, PASSWORD);
    return http;
  }

  /**
   * Sends a questionnaire through the staff page and returns the link's path. Several instruments
   * go as one comma-separated value, which Spring binds to the list as it does repeated fields.
   */
  private String send(Http staff, long patientId, String... instruments) {
    var response =
        staff.submit(
            "/questionnaires/new?patient=" + patientId,
            "/questionnaires",
            Map.of(
                "patient", Long.toString(patientId), "instruments", String.join(",", instruments)));
    assertThat(response.statusCode()).isEqualTo(200);
    Matcher m = LINK.matcher(response.body());
    assertThat(m.find()).as("link on the page").isTrue();
    return m.group(1);
  }

  private HttpResponse<String> answer(Http patient, String link, int number, String value) {
    return patient.submit(link + "/" + number, link + "/" + number, Map.of("answer", value));
  }

  @Test
  void clinicianSendsALinkThatOpensWithoutNamingThePatient() {
    Patient p = patient();
    String link = send(signedIn("ql.nurse"), p.id(), "phq9", "odi");
    var welcome = Http.browser(port).get(link);
    assertThat(welcome.statusCode()).isEqualTo(200);
    assertThat(welcome.body())
        .contains("19", "Start")
        .doesNotContain("Quillfeather", "Ottilie", p.mrn());
    String token = link.substring(3);
    assertThat(
            jdbc.sql("SELECT count(*) FROM questionnaire WHERE patient_id = :p")
                .param("p", p.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'CREATE'"
                        + " AND object_type = 'Questionnaire' AND actor = 'ql.nurse'")
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE actor LIKE :t OR object_id LIKE :t"
                        + " OR detail LIKE :t")
                .param("t", "%" + token + "%")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void patientAnswersResumesInANewBrowserAndSubmitsOnce() {
    Patient p = patient();
    String link = send(signedIn("ql.nurse"), p.id(), "phq9", "odi");
    Http phone = Http.browser(port);
    // The library's order: ODI (questions 1-10, section 8 skipped), then PHQ-9 (11-19).
    for (int n = 1; n <= 5; n++) {
      var saved = answer(phone, link, n, "2");
      assertThat(saved.statusCode()).isEqualTo(302);
      assertThat(saved.headers().firstValue("Location").orElseThrow())
          .endsWith(link + "/" + (n + 1));
    }
    Http reopened = Http.browser(port);
    var resume = reopened.get(link);
    assertThat(resume.statusCode()).isEqualTo(302);
    assertThat(resume.headers().firstValue("Location").orElseThrow()).endsWith(link + "/6");
    assertThat(reopened.get(link + "/6").body()).contains("Question 6 of 19");
    for (int n = 6; n <= 10; n++) {
      answer(reopened, link, n, n == 8 ? "skip" : "2");
    }
    int[] phq9 = {1, 1, 2, 1, 1, 0, 1, 0, 1};
    for (int i = 0; i < 9; i++) {
      answer(reopened, link, 11 + i, Integer.toString(phq9[i]));
    }
    var review = reopened.get(link + "/review");
    assertThat(review.statusCode()).isEqualTo(200);
    assertThat(review.body()).contains("skipped");
    var submitted = reopened.submit(link + "/review", link + "/submit", Map.of());
    assertThat(submitted.statusCode()).isEqualTo(200);
    assertThat(submitted.body()).contains("Thank you");

    var results =
        jdbc.sql(
                "SELECT instrument, instrument_version, score, band, flags::text AS flags"
                    + " FROM questionnaire_response WHERE patient_id = :p ORDER BY instrument")
            .param("p", p.id())
            .query()
            .listOfRows();
    assertThat(results).hasSize(2);
    assertThat(results.get(0))
        .containsEntry("instrument", "odi")
        .containsEntry("instrument_version", "2.1a")
        .containsEntry("score", 40.0)
        .containsEntry("band", "moderate");
    assertThat(results.get(1))
        .containsEntry("instrument", "phq9")
        .containsEntry("score", 8.0)
        .containsEntry("band", "mild");
    assertThat((String) results.get(1).get("flags")).contains("suicide-risk-assessment-needed");

    var again = Http.browser(port).get(link);
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.body()).contains("Thank you").doesNotContain("Quillfeather");
    String csrf = Http.csrfTokenOf(review.body());
    assertThat(reopened.postForm(link + "/1", Map.of("answer", "3", "_csrf", csrf)).statusCode())
        .isEqualTo(410);
    assertThat(reopened.postForm(link + "/submit", Map.of("_csrf", "x")).statusCode())
        .isEqualTo(403);

    long questionnaireId =
        jdbc.sql("SELECT id FROM questionnaire WHERE patient_id = :p")
            .param("p", p.id())
            .query(Long.class)
            .single();
    var linkEvents =
        jdbc.sql(
                "SELECT actor, action, object_type FROM audit_event"
                    + " WHERE actor_type = 'PATIENT_LINK' AND actor = :q")
            .param("q", Long.toString(questionnaireId))
            .query()
            .listOfRows();
    assertThat(linkEvents)
        .extracting(r -> r.get("action") + " " + r.get("object_type"))
        .contains("READ Questionnaire", "UPDATE Questionnaire", "CREATE QuestionnaireResponse");
    assertThat(linkEvents.stream().filter(r -> r.get("action").equals("UPDATE")).count())
        .isEqualTo(20);

    var chart = signedIn("ql.nurse").get("/patients/" + p.id()).body();
    assertThat(chart)
        .contains("Questionnaire scores", "PHQ-9", "ODI", "Safety flag", "<svg class=\"sparkline\"")
        .contains("assess suicide risk now");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE actor = 'ql.nurse' AND action = 'READ'"
                        + " AND object_type = 'QuestionnaireResponse' AND object_id = :p")
                .param("p", Long.toString(p.id()))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void wrongExpiredAndMalformedTokensGetTheSameFriendlyPage() {
    Patient p = patient();
    String link = send(signedIn("ql.nurse"), p.id(), "nrs");
    Http anyone = Http.browser(port);
    var wrong = anyone.get("/q/" + "A".repeat(43));
    var malformed = anyone.get("/q/short");
    assertThat(wrong.statusCode()).isEqualTo(404);
    assertThat(malformed.statusCode()).isEqualTo(404);
    assertThat(wrong.body()).isEqualTo(malformed.body()).contains("cannot be opened");
    assertThat(anyone.get(link).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofDays(7).plusMinutes(1));
    var expired = anyone.get(link);
    assertThat(expired.statusCode()).isEqualTo(404);
    assertThat(expired.body()).isEqualTo(wrong.body()).doesNotContain("Quillfeather");
    assertThat(anyone.get(link + "/1").statusCode()).isEqualTo(404);
    assertThat(signedIn("ql.nurse").get("/patients/" + p.id()).body()).contains("Expired");
  }

  @Test
  void answersOutOfRangeOrWithoutCsrfAreRefused() {
    Patient p = patient();
    String link = send(signedIn("ql.nurse"), p.id(), "phq9");
    Http phone = Http.browser(port);
    assertThat(answer(phone, link, 1, "4").statusCode()).isEqualTo(422);
    assertThat(answer(phone, link, 1, "x").statusCode()).isEqualTo(422);
    String csrf = Http.csrfTokenOf(phone.get(link + "/1").body());
    assertThat(phone.postForm(link + "/10", Map.of("answer", "1", "_csrf", csrf)).statusCode())
        .isEqualTo(422);
    assertThat(phone.postForm(link + "/1", Map.of("answer", "1")).statusCode()).isEqualTo(403);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM questionnaire_answer a JOIN questionnaire q"
                        + " ON q.id = a.questionnaire_id WHERE q.patient_id = :p")
                .param("p", p.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void manyRequestsFromOneAddressGet429() {
    Http guesser = Http.browser(port);
    int limited = 0;
    for (int i = 0; i < 70; i++) {
      var response = guesser.get("/q/" + "B".repeat(42) + (char) ('a' + i % 26));
      if (response.statusCode() == 429) {
        limited++;
        assertThat(response.body()).contains("Please wait a moment");
        assertThat(response.headers().firstValue("Retry-After")).contains("60");
      }
    }
    assertThat(limited).isEqualTo(10);
    clock.advance(Duration.ofMinutes(1));
    assertThat(guesser.get("/q/" + "B".repeat(43)).statusCode()).isEqualTo(404);
  }

  @Test
  void onlyClinicalStaffSendQuestionnaires() {
    Patient p = patient();
    for (String username : new String[] {"ql.admin", "ql.recruiter"}) {
      Http other = signedIn(username);
      assertThat(other.get("/questionnaires/new?patient=" + p.id()).statusCode()).isEqualTo(403);
      String csrf = Http.csrfTokenOf(other.get("/login").body());
      assertThat(
              other
                  .postForm(
                      "/questionnaires",
                      Map.of("patient", Long.toString(p.id()), "instruments", "nrs", "_csrf", csrf))
                  .statusCode())
          .isEqualTo(403);
    }
    Http nurse = signedIn("ql.nurse");
    var none =
        nurse.submit(
            "/questionnaires/new?patient=" + p.id(),
            "/questionnaires",
            Map.of("patient", Long.toString(p.id())));
    assertThat(none.statusCode()).isEqualTo(422);
    assertThat(none.body()).contains("Choose at least one questionnaire");
    assertThat(nurse.get("/questionnaires/new?patient=999999").statusCode()).isEqualTo(404);
  }
}
