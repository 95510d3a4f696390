package org.relief.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.assessments.Instruments;
import org.relief.assessments.PatientQuestionnaires;
import org.relief.assessments.questionnaires.QuestionnaireRepository;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.relief.platform.Role;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.Problems;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.relief.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Ten lumbar RFA episodes whose rates and intervals are worked out by hand (P3M, baseline →
 * answer):
 *
 * <pre>
 *  #  physician  levels        diagnosis  baseline  P3M      reduction  ≥30 %  ≥50 %
 *  1  A          L4–L5         M54.50     8         2        75 %       yes    yes
 *  2  A          L4–L5         M54.50     8         4        50 %       yes    yes
 *  3  A          L4–L5         M54.50     6         3        50 %       yes    yes
 *  4  A          L4–L5         M54.50     10        5        50 %       yes    yes
 *  5  A          L4–L5         M54.50     10        7        30 %       yes    no
 *  6  B          L4–L5, L5–S1  M54.50     7         5        28.6 %     no     no
 *  7  B          L4–L5, L5–S1  —          5         1        80 %       yes    yes
 *  8  B          L4–L5, L5–S1  —          9         6        33.3 %     yes    no
 *  9  B          L4–L5, L5–S1  —          8         missed
 * 10  B          L4–L5, L5–S1  —          8         due long ago, never answered
 * </pre>
 *
 * All: due 10, answered 8, completeness 0.8 (not below the 0.8 threshold); ≥ 50 %: 5/8 = 0.625,
 * Wilson 95 % 0.3057–0.8632; ≥ 30 %: 7/8 = 0.875, 0.5291–0.9776 (WilsonIntervalTest shows 5/8 by
 * hand). Physician A: 5 due, 5 answered, ≥ 50 % 4/5 (0.3755–0.9638). Physician B: 5 due, 3
 * answered, completeness 0.6, below the threshold: warned; ≥ 50 % 1/3 (0.0615–0.7923).
 */
/*
 * The fixture publishes the follow-up events itself, so the follow-ups module's own schedules
 * (which would add a measure per time point of the plan) are switched off here.
 */
@ReliefIntegrationTest
@org.springframework.test.context.TestPropertySource(
    properties = "relief.followups.schedule-on-procedure=false")
class OutcomeAnalyticsTest {

  @LocalServerPort int port;
  @Autowired PatientRegistry registry;
  @Autowired PatientDiagnoses diagnoses;
  @Autowired UserAccounts accounts;
  @Autowired PerformedProcedures procedures;
  @Autowired Instruments instruments;
  @Autowired QuestionnaireRepository responses;
  @Autowired PatientQuestionnaires questionnaires;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  private static LocalDate from;
  private static LocalDate to;
  private static UserAccount physicianA;
  private static UserAccount physicianB;
  private static final List<PerformedProcedure> EPISODES = new ArrayList<>();

  @BeforeEach
  void tenEpisodes() {
    if (!EPISODES.isEmpty()) {
      return;
    }
    OutcomeFixture fixture =
        new OutcomeFixture(
            registry,
            diagnoses,
            accounts,
            procedures,
            instruments,
            responses,
            questionnaires,
            events,
            tx,
            jdbc);
    // a period of its own, far from the other tests' procedures
    from = LocalDate.now(clock).minusDays(1200);
    to = from.plusDays(9);
    physicianA = fixture.physician();
    physicianB = fixture.physician();
    int[] baseline = {8, 8, 6, 10, 10, 7, 5, 9, 8, 8};
    Integer[] answer = {2, 4, 3, 5, 7, 5, 1, 6, null, null};
    for (int i = 0; i < 10; i++) {
      boolean a = i < 5;
      Patient patient = fixture.patient(i < 6 ? "M54.50" : null);
      LocalDate on = from.plusDays(i);
      PerformedProcedure p =
          fixture.procedure(
              patient,
              a ? physicianA : physicianB,
              "lumbar-rfa",
              on,
              a ? List.of("L4–L5") : List.of("L4–L5", "L5–S1"),
              baseline[i]);
      fixture.scheduled(p, "P3M", on.plusMonths(3));
      if (answer[i] != null) {
        fixture.answered(p, "P3M", on.plusMonths(3).plusDays(1), Map.of("nrs", answer[i]));
      } else if (i == 8) {
        fixture.missed(p, "P3M");
      }
      EPISODES.add(p);
    }
  }

  private String query(String threshold) {
    return "/api/v1/outcomes/responders?procedure=lumbar-rfa&timepoint=P3M&threshold="
        + threshold
        + "&from="
        + from
        + "&to="
        + to;
  }

  /** An API client holding a bearer token with these scopes (all the client's if null). */
  private record Bearer(Http api, String token) {
    HttpResponse<String> get(String path) {
      return api.get(path, "Authorization", "Bearer " + token);
    }
  }

  private Bearer bearer(String scope) {
    Http api = Http.api(port);
    return new Bearer(api, api.token(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, scope));
  }

  @Test
  void theApiAnswersTheHandComputedRateIntervalAndCompleteness() {
    var api = bearer(null);
    JsonNode fifty = Http.json(api.get(query("50")));
    assertThat(fifty.get("procedure").asText()).isEqualTo("lumbar-rfa");
    assertThat(fifty.get("timepoint").asText()).isEqualTo("P3M");
    assertThat(fifty.get("episodes").asLong()).isEqualTo(10);
    assertThat(fifty.get("answered").asLong()).isEqualTo(8);
    assertThat(fifty.get("responders").asLong()).isEqualTo(5);
    assertThat(fifty.get("rate").asDouble()).isEqualTo(0.625);
    assertThat(fifty.get("ci95").get(0).asDouble()).isEqualTo(0.3057);
    assertThat(fifty.get("ci95").get(1).asDouble()).isEqualTo(0.8632);
    assertThat(fifty.get("completeness").asDouble()).isEqualTo(0.8);

    JsonNode thirty = Http.json(api.get(query("30")));
    assertThat(thirty.get("responders").asLong()).isEqualTo(7);
    assertThat(thirty.get("rate").asDouble()).isEqualTo(0.875);
    assertThat(thirty.get("ci95").get(0).asDouble()).isEqualTo(0.5291);
    assertThat(thirty.get("ci95").get(1).asDouble()).isEqualTo(0.9776);
  }

  @Test
  void theSameTimePointWrittenAnotherWayGivesTheSameAnswer() {
    var api = bearer(null);
    JsonNode days = Http.json(api.get(query("50").replace("P3M", "p3m")));
    assertThat(days.get("timepoint").asText()).isEqualTo("P3M");
    assertThat(days.get("responders").asLong()).isEqualTo(5);
  }

  @Test
  void theApiRefusesInvalidParametersNamingEach() {
    var api = bearer(null);
    String ok = "/api/v1/outcomes/responders?procedure=lumbar-rfa&timepoint=P3M&threshold=50";
    Map<String, String> cases =
        Map.of(
            ok.replace("lumbar-rfa", "lumbar-rf"),
            "procedure",
            ok.replace("P3M", "3-months"),
            "timepoint",
            ok.replace("P3M", "PT6H"),
            "timepoint",
            ok.replace("threshold=50", "threshold=40"),
            "threshold",
            ok.replace("&threshold=50", ""),
            "threshold",
            ok.replace("procedure=lumbar-rfa&", ""),
            "procedure",
            ok + "&from=2026-13-01",
            "from");
    cases.forEach(
        (path, parameter) -> {
          JsonNode problem = Problems.refused(api.get(path), 422, "invalid-" + parameter);
          assertThat(problem.get("parameter").asText()).as(path).isEqualTo(parameter);
          assertThat(problem.get("detail").asText()).as(path).isNotBlank();
        });
  }

  @Test
  void theApiNeedsMeasureReportRead() {
    var patientOnly = bearer("system/Patient.rs");
    var refused = patientOnly.get(query("50"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Http.json(refused).get("error").asText()).isEqualTo("insufficient_scope");
    assertThat(bearer("system/Observation.rs").get(query("50")).statusCode()).isEqualTo(403);
    assertThat(bearer("system/MeasureReport.rs").get(query("50")).statusCode()).isEqualTo(200);
    assertThat(Http.api(port).get(query("50")).statusCode()).isEqualTo(401);
  }

  @Test
  void thePageShowsRatesByGroupAndWarnsWhereCompletenessIsTooLow() {
    Http physician = Staff.signedIn(accounts, port, Role.PAIN_PHYSICIAN);
    var page =
        physician.get("/outcomes?timepoint=P3M&procedure=lumbar-rfa&from=" + from + "&to=" + to);
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html)
        .contains("id=\"overall-table\"", "5/8, 95 % CI 31–86 %", "7/8, 95 % CI 53–98 %")
        .contains(physicianA.displayName(), "4/5, 95 % CI 38–96 %")
        .contains(physicianB.displayName(), "1/3, 95 % CI 6–79 %", "too low to trust")
        .contains("L4–L5, L5–S1", "M54.50", "No primary diagnosis recorded")
        .doesNotContain("id=\"completeness-warning\"")
        .doesNotContain("Not available in this version");
    assertThat(html).contains("data-chart=\"{&quot;labels&quot;:[&quot;3 months&quot;]");
  }

  @Test
  void theWholePageWarnsWhenTooFewAnswered() {
    Http nurse = Staff.signedIn(accounts, port, Role.NURSE);
    var page = nurse.get("/outcomes?timepoint=P3M&from=" + from.plusDays(5) + "&to=" + to);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"completeness-warning\"", "<strong>60 %</strong>");
  }

  @Test
  void theCsvHoldsTheSameFiguresAndItsExportIsAudited() {
    Http admin = Staff.signedIn(accounts, port, Role.PRACTICE_ADMIN);
    var csv =
        admin.get(
            "/outcomes/export.csv?timepoint=P3M&procedure=lumbar-rfa&from=" + from + "&to=" + to);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
    assertThat(csv.body().lines().toList())
        .contains(
            "all,All procedures,P3M,%s,%s,10,8,0.8000,false,7,0.8750,0.5291,0.9776,5,0.6250,0.3057,0.8632"
                .formatted(from, to))
        .anySatisfy(line -> assertThat(line).startsWith("level,\"Lumbar facet"));
    long exports =
        jdbc.sql(
                "SELECT count(*) FROM audit_event WHERE action = 'EXPORT'"
                    + " AND object_type = 'OutcomeAnalytics' AND object_id LIKE :id")
            .param("id", "P3M " + from + "%")
            .query(Long.class)
            .single();
    assertThat(exports).isPositive();
  }

  @Test
  void anEpisodeShowsItsChangeAgainstBaseline() {
    Http physician = Staff.signedIn(accounts, port, Role.PAIN_PHYSICIAN);
    var page = physician.get("/outcomes/episodes/" + EPISODES.get(4).id());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Lumbar facet radiofrequency ablation", "−30.0 %", "≥ 30 %")
        .contains("Not reached at the first judged follow-up (3 months).");
    assertThat(physician.get("/outcomes/episodes/987654321").statusCode()).isEqualTo(404);
  }

  @Test
  void rolesWithoutAReasonAreRefused() {
    String analytics = "/outcomes?from=" + from + "&to=" + to;
    String export = "/outcomes/export.csv?from=" + from + "&to=" + to;
    String episode = "/outcomes/episodes/" + EPISODES.get(0).id();
    for (Role role : new Role[] {Role.SURGEON, Role.NURSE, Role.PRACTICE_ADMIN}) {
      assertThat(Staff.signedIn(accounts, port, role).get(analytics).statusCode())
          .as(role.name())
          .isEqualTo(200);
    }
    for (Role role : new Role[] {Role.FRONT_DESK, Role.RECRUITER, Role.SPECIALIST}) {
      Http browser = Staff.signedIn(accounts, port, role);
      assertThat(browser.get(analytics).statusCode()).as(role.name()).isEqualTo(403);
      assertThat(browser.get(export).statusCode()).as(role.name()).isEqualTo(403);
    }
    for (Role role : new Role[] {Role.PRACTICE_ADMIN, Role.RECRUITER, Role.SPECIALIST}) {
      assertThat(Staff.signedIn(accounts, port, role).get(episode).statusCode())
          .as(role.name())
          .isEqualTo(403);
    }
    assertThat(Http.api(port).get(analytics).statusCode()).isEqualTo(302);
  }
}
