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
}
