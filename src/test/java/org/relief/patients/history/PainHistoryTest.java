package org.relief.patients.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class PainHistoryTest {

  private static final AtomicInteger SEQ = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired PatientRegistry registry;
  @Autowired PainHistories histories;
  @Autowired UserAccounts accounts;
  @Autowired JdbcClient jdbc;

  private Patient patient() {
    int n = SEQ.incrementAndGet();
    return registry.register(
        new PatientDetails(
            "PH-" + n,
            "Historia",
            "Hal" + n,
            LocalDate.of(1966, 5, 7),
            Sex.MALE,
            null,
            null,
            "en"));
  }

  private Http signedIn(Role role) {
    return Staff.signedIn(accounts, port, role);
  }

  private static Map<String, String> sciaticaForm() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("onsetMonth", "3");
    form.put("onsetYear", "2021");
    form.put("mechanism", "INJURY");
    form.put("mechanismNote", "Lifted a heavy box at work");
    form.put("characters", "SHOOTING");
    form.put("aggravating", "SITTING");
    form.put("aggravatingOther", "long drives");
    form.put("relieving", "LYING_DOWN");
    form.put("treatments[0].type", "PHYSICAL_THERAPY");
    form.put("treatments[0].description", "Twelve sessions of core work");
    form.put("treatments[0].from", "2021-05-01");
    form.put("treatments[0].to", "2021-08-15");
    form.put("treatments[0].effect", "SLIGHT");
    form.put("treatments[1].type", "INJECTION");
    form.put("treatments[1].description", "L5-S1 transforaminal epidural");
    form.put("treatments[1].from", "2022-01-10");
    form.put("treatments[1].effect", "MARKED");
    form.put("treatments[2].type", "");
    form.put("treatments[2].description", "");
    return form;
  }

  private long audited(String action, long patientId) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = :a AND object_type = 'PainHistory'"
                + " AND object_id = :id")
        .param("a", action)
        .param("id", Long.toString(patientId))
        .query(Long.class)
        .single();
  }

  private static String page(long id) {
    return "/patients/" + id + "/pain-history";
  }

  @Test
  void nurseRecordsAPainHistoryAndTheChartShowsItAudited() {
    Patient p = patient();
    Http nurse = signedIn(Role.NURSE);
    var saved = nurse.submit(page(p.id()), page(p.id()), sciaticaForm());
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(saved.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/patients/" + p.id()));

    String chart = nurse.get("/patients/" + p.id()).body();
    assertThat(chart)
        .contains(
            "March 2021",
            "Injury",
            "Lifted a heavy box at work",
            "Shooting",
            "Sitting; long drives",
            "Lying down",
            "Physical therapy",
            "Twelve sessions of core work",
            "Slight relief",
            "L5-S1 transforaminal epidural",
            "Marked relief",
            "Edit pain history");
    assertThat(audited("CREATE", p.id())).isEqualTo(1);
    assertThat(audited("READ", p.id())).isEqualTo(2);
    String details =
        jdbc.sql(
                "SELECT string_agg(coalesce(detail, '') || ' ' || object_id, ' ') FROM audit_event"
                    + " WHERE object_type = 'PainHistory'")
            .query(String.class)
            .single();
    assertThat(details).doesNotContainIgnoringCase("box").doesNotContainIgnoringCase("historia");
  }

  @Test
  void editingShowsWhatWasSavedAndReplacesIt() {
    Patient p = patient();
    Http physician = signedIn(Role.PAIN_PHYSICIAN);
    physician.submit(page(p.id()), page(p.id()), sciaticaForm());

    String edit = physician.get(page(p.id())).body();
    assertThat(edit)
        .contains(
            "value=\"Lifted a heavy box at work\"",
            "value=\"2021\"",
            "name=\"version\" value=\"0\"")
        .containsPattern("value=\"SHOOTING\"\\s+checked")
        .containsPattern("value=\"3\"\\s+selected");

    Map<String, String> form = new LinkedHashMap<>();
    form.put("version", "0");
    form.put("onsetDate", "2021-03-14");
    form.put("mechanism", "DEGENERATIVE");
    form.put("characters", "ACHING");
    form.put("treatments[0].type", "MEDICATION");
    form.put("treatments[0].description", "Naproxen");
    form.put("treatments[0].effect", "NONE");
    var saved = physician.submit(page(p.id()), page(p.id()), form);
    assertThat(saved.statusCode()).isEqualTo(302);

    PainHistory history = histories.read(p.id()).orElseThrow();
    assertThat(history.version()).isEqualTo(1);
    assertThat(history.details().onset()).isEqualTo(Onset.exact(LocalDate.of(2021, 3, 14)));
    assertThat(history.details().characters()).containsExactly(PainCharacter.ACHING);
    assertThat(history.details().treatments())
        .containsExactly(
            new PriorTreatment(
                TreatmentType.MEDICATION, "Naproxen", null, null, TreatmentEffect.NONE));
    assertThat(audited("UPDATE", p.id())).isEqualTo(1);
  }

  @Test
  void badInputIsRefusedWith422ASpecificMessageAndWhatWasTyped() {
    Patient p = patient();
    Http nurse = signedIn(Role.NURSE);
    Map<String, String> expected =
        Map.of(
            "onsetDate=14/03/2021", "The onset date must be a date such as 2024-03-15.",
            "onsetYear=2999", "The onset 2999 is in the future.",
            "onsetMonth=5", "Give the year of onset with the month.",
            "mechanism=OTHER", "Describe how the pain began when you choose Other.",
            "characters=TICKLING", "&#39;TICKLING&#39; is not a pain character Relief knows.",
            "treatments[1].to=2020-01-01",
                "Prior treatment 2: it ends (2020-01-01) before it starts (2022-01-10).",
            "treatments[1].type=", "Prior treatment 2: choose the type of treatment.");
    expected.forEach(
        (change, message) -> {
          Map<String, String> form = sciaticaForm();
          form.remove("mechanismNote");
          form.put("aggravatingOther", "Typed <b>text</b> kept");
          String[] kv = change.split("=", 2);
          if (kv[0].startsWith("onset")) {
            form.remove("onsetMonth");
            form.remove("onsetYear");
          }
          form.put(kv[0], kv[1]);
          if (kv[0].equals("mechanism")) {
            form.put("mechanismNote", " ");
          }
          var refused = nurse.submit(page(p.id()), page(p.id()), form);
          assertThat(refused.statusCode()).as(change).isEqualTo(422);
          assertThat(refused.body())
              .as(change)
              .contains(
                  message,
                  "value=\"Typed &lt;b&gt;text&lt;/b&gt; kept\"",
                  "L5-S1 transforaminal epidural");
        });
    assertThat(histories.read(p.id())).isEmpty();
    assertThat(audited("CREATE", p.id())).isZero();
  }

  @Test
  void savingOverSomeoneElsesSaveAnswers409AndShowsTheSavedHistory() {
    Patient p = patient();
    Http nurse = signedIn(Role.NURSE);
    String editPage = nurse.get(page(p.id())).body();
    histories.save(
        p.id(),
        null,
        new PainHistoryDetails(
            Onset.year(2015),
            OnsetMechanism.SURGERY,
            "After a laminectomy",
            Set.of(),
            Set.of(),
            null,
            Set.of(),
            null,
            List.of()));
    Map<String, String> form = sciaticaForm();
    form.put("_csrf", Http.csrfTokenOf(editPage));
    HttpResponse<String> conflict = nurse.postForm(page(p.id()), form);
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.body()).contains("Someone else saved patient", "After a laminectomy");
    assertThat(histories.read(p.id()).orElseThrow().details().mechanism())
        .isEqualTo(OnsetMechanism.SURGERY);

    form.put("version", "7");
    assertThat(nurse.postForm(page(p.id()), form).statusCode()).isEqualTo(409);
  }

  @Test
  void moreTreatmentRowsAreOfferedWithoutSaving() {
    Patient p = patient();
    Http nurse = signedIn(Role.FRONT_DESK);
    Map<String, String> form = sciaticaForm();
    form.put("moreRows", "1");
    var more = nurse.submit(page(p.id()), page(p.id()), form);
    assertThat(more.statusCode()).isEqualTo(200);
    assertThat(more.body())
        .contains("name=\"treatments[5].type\"", "L5-S1 transforaminal epidural");
    assertThat(histories.read(p.id())).isEmpty();
  }

  @Test
  void administratorsRecruitersAndSpecialistsAreRefusedAndSeeNothing() {
    Patient p = patient();
    histories.save(
        p.id(),
        null,
        new PainHistoryDetails(
            Onset.year(2015),
            OnsetMechanism.OTHER,
            "Fell from a horse",
            Set.of(),
            Set.of(),
            null,
            Set.of(),
            null,
            List.of()));
    long readsBefore = audited("READ", p.id());
    for (Role role : new Role[] {Role.PRACTICE_ADMIN, Role.RECRUITER, Role.SPECIALIST}) {
      Http browser = signedIn(role);
      var page = browser.get(page(p.id()));
      assertThat(page.statusCode()).as(role.name()).isEqualTo(403);
      assertThat(page.body()).doesNotContain("horse");
      var post =
          browser.postForm(
              page(p.id()),
              Map.of(
                  "_csrf",
                  Http.csrfTokenOf(browser.get("/account/security").body()),
                  "mechanism",
                  "INJURY"));
      assertThat(post.statusCode()).as(role.name()).isEqualTo(403);
    }
    assertThat(audited("READ", p.id())).isEqualTo(readsBefore);
    assertThat(histories.read(p.id()).orElseThrow().details().mechanismNote())
        .isEqualTo("Fell from a horse");
  }

  @Test
  void anUnknownPatientIsNotFound() {
    Http nurse = signedIn(Role.NURSE);
    assertThat(nurse.get(page(987654321)).statusCode()).isEqualTo(404);
    var post =
        nurse.postForm(
            page(987654321),
            Map.of(
                "_csrf", Http.csrfTokenOf(nurse.get("/patients").body()), "mechanism", "INJURY"));
    assertThat(post.statusCode()).isEqualTo(404);
    assertThat(post.body()).contains("There is no patient 987654321.");
  }
}
