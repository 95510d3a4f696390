package org.relief.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.relief.identity.UserAccounts;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class DiagnosesAndMedicationsTest {

  private static final AtomicInteger SEQ = new AtomicInteger(5000);

  @LocalServerPort int port;
  @Autowired PatientRegistry registry;
  @Autowired PatientMedications medications;
  @Autowired UserAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired PracticeSettings practice;

  private Patient patient() {
    return registry.register(
        new PatientDetails(
            "DM" + SEQ.incrementAndGet(),
            "Listed",
            "Lena",
            LocalDate.of(1962, 3, 4),
            Sex.FEMALE,
            null,
            null,
            "en"));
  }

  private Http signedIn(Role role) {
    return Staff.signedIn(accounts, port, role);
  }

  private LocalDate today() {
    ZoneId zone = practice.timeZone();
    return LocalDate.now(clock.withZone(zone));
  }

  private static Map<String, String> diagnosis(String code, String rank, String status) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("code", code);
    form.put("rank", rank);
    form.put("status", status);
    form.put("onsetDate", "2024-05-01");
    return form;
  }

  private Map<String, String> medication(
      String drug, String dose, String unit, String frequency, String count) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("drug", drug);
    form.put("dose", dose);
    form.put("unit", unit);
    form.put("frequency", frequency);
    form.put("count", count);
    form.put("startDate", today().minusDays(30).toString());
    form.put("stopDate", "");
    return form;
  }

  private HttpResponse<String> addMedication(Http http, long patientId, Map<String, String> form) {
    String page = "/patients/" + patientId + "/medications";
    return http.submit(page, page, form);
  }

  private HttpResponse<String> addDiagnosis(Http http, long patientId, Map<String, String> form) {
    String page = "/patients/" + patientId + "/diagnoses";
    return http.submit(page, page, form);
  }

  private long audited(String action, String type, String id) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = :a AND object_type = :t"
                + " AND object_id = :id")
        .param("a", action)
        .param("t", type)
        .param("id", id)
        .query(Long.class)
        .single();
  }

  private long lastId(String table, long patientId) {
    return jdbc.sql("SELECT max(id) FROM " + table + " WHERE patient_id = :p")
        .param("p", patientId)
        .query(Long.class)
        .single();
  }

  @Test
  void addsDiagnosesShowsThemUnconfirmedOnTheChartAndAuditsEveryAccess() {
    Patient p = patient();
    Http nurse = signedIn(Role.NURSE);
    var added = addDiagnosis(nurse, p.id(), diagnosis("m54.16", "PRIMARY", "ACTIVE"));
    assertThat(added.statusCode()).isEqualTo(302);
    long id = lastId("patient_condition", p.id());
    assertThat(audited("CREATE", "Condition", Long.toString(id))).isEqualTo(1);
    addDiagnosis(nurse, p.id(), diagnosis("G89.4", "SECONDARY", "ACTIVE"));

    long readsBefore = audited("READ", "Condition", Long.toString(p.id()));
    String chart = nurse.get("/patients/" + p.id()).body();
    assertThat(chart)
        .contains("M54.16", "Radiculopathy, lumbar region", "Primary, active", "since 2024-05-01")
        .contains("G89.4", "Chronic pain syndrome", "code unconfirmed — confirm locally")
        .contains("href=\"/patients/" + p.id() + "/diagnoses\"");
    assertThat(audited("READ", "Condition", Long.toString(p.id()))).isEqualTo(readsBefore + 1);
  }

  @Test
  void anUnknownCodeIsRefusedByNameAndKeepsWhatWasChosen() {
    Patient p = patient();
    Http doctor = signedIn(Role.PAIN_PHYSICIAN);
    var refused = addDiagnosis(doctor, p.id(), diagnosis("Z99.89", "SECONDARY", "RESOLVED"));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("The ICD-10-CM code &#39;Z99.89&#39; is not in Relief&#39;s curated pain subset")
        .containsPattern("value=\"RESOLVED\"\\s+selected");
    assertThat(
            jdbc.sql("SELECT count(*) FROM patient_condition WHERE patient_id = :p")
                .param("p", p.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aSecondActivePrimaryIsRefusedUntilTheFirstIsResolved() {
    Patient p = patient();
    Http doctor = signedIn(Role.PAIN_PHYSICIAN);
    addDiagnosis(doctor, p.id(), diagnosis("M54.50", "PRIMARY", "ACTIVE"));
    long first = lastId("patient_condition", p.id());
    var second = addDiagnosis(doctor, p.id(), diagnosis("M46.1", "PRIMARY", "ACTIVE"));
    assertThat(second.statusCode()).isEqualTo(422);
    assertThat(second.body()).contains("already has an active primary diagnosis (M54.50)");

    String page = "/patients/" + p.id() + "/diagnoses";
    var resolved =
        doctor.submit(page, page + "/" + first, Map.of("rank", "PRIMARY", "status", "RESOLVED"));
    assertThat(resolved.statusCode()).isEqualTo(302);
    assertThat(audited("UPDATE", "Condition", Long.toString(first))).isEqualTo(1);
    assertThat(addDiagnosis(doctor, p.id(), diagnosis("M46.1", "PRIMARY", "ACTIVE")).statusCode())
        .isEqualTo(302);
  }

  @Test
  void typeAheadAnswersHtmxWithTheMatchingCodesOnlyAndPlainRequestsWithThePage() {
    Patient p = patient();
    Http nurse = signedIn(Role.NURSE);
    var fragment = nurse.get("/patients/" + p.id() + "/diagnoses?q=sacroil", "HX-Request", "true");
    assertThat(fragment.statusCode()).isEqualTo(200);
    assertThat(fragment.body())
        .contains("M46.1", "Sacroiliitis", "unconfirmed — confirm locally")
        .doesNotContain("<html", "M54.16");
    var page = nurse.get("/patients/" + p.id() + "/diagnoses?q=sacroil");
    assertThat(page.body()).contains("<html", "M46.1", "Add diagnosis");
  }

  @Test
  void chartTotalsTheCurrentOpioidsMmeWithTheGuidanceOf50And90() {
    Patient p = patient();
    Http doctor = signedIn(Role.PAIN_PHYSICIAN);
    assertThat(
            addMedication(doctor, p.id(), medication("oxycodone", "20", "mg", "TIMES_PER_DAY", "2"))
                .statusCode())
        .isEqualTo(302);
    long oxycodone = lastId("patient_medication", p.id());
    assertThat(audited("CREATE", "MedicationStatement", Long.toString(oxycodone))).isEqualTo(1);
    addMedication(doctor, p.id(), medication("Morphine", "10", "mg", "EVERY_HOURS", "8"));

    long readsBefore = audited("READ", "MedicationStatement", Long.toString(p.id()));
    String chart = doctor.get("/patients/" + p.id()).body();
    assertThat(chart)
        .contains("90.0 MME/day", "60.0", "30.0", "twice a day", "every 8 hours")
        .contains("50 MME/day", "CDC 2022 threshold", "offer naloxone")
        .contains("90 MME/day", "legacy threshold from the 2016 guideline")
        .contains("relief.patients.mme.legacy-threshold")
        .contains("href=\"/patients/" + p.id() + "/medications\"");
    assertThat(audited("READ", "MedicationStatement", Long.toString(p.id())))
        .isEqualTo(readsBefore + 1);

    var current = medications.current(p.id());
    assertThat(current.mme())
        .get()
        .satisfies(m -> assertThat(m.totalMme()).isEqualByComparingTo("90.0"));
  }

  @Test
  void aStoppedOpioidNoLongerCounts() {
    Patient p = patient();
    Http doctor = signedIn(Role.PAIN_PHYSICIAN);
    addMedication(doctor, p.id(), medication("oxycodone", "10", "mg", "TIMES_PER_DAY", "2"));
    addMedication(
        doctor, p.id(), medication("fentanyl-transdermal", "25", "mcg/h", "CONTINUOUS", ""));
    long patch = lastId("patient_medication", p.id());
    assertThat(doctor.get("/patients/" + p.id()).body()).contains("90.0 MME/day");

    String page = "/patients/" + p.id() + "/medications";
    var stopped =
        doctor.submit(page, page + "/" + patch + "/stop", Map.of("stopDate", today().toString()));
    assertThat(stopped.statusCode()).isEqualTo(302);
    assertThat(audited("UPDATE", "MedicationStatement", Long.toString(patch))).isEqualTo(1);
    assertThat(doctor.get("/patients/" + p.id()).body())
        .contains("30.0 MME/day")
        .doesNotContain("fentanyl-transdermal");
    assertThat(doctor.get(page).body())
        .contains("Stopped or not yet started", "fentanyl-transdermal");
    assertThat(medications.current(p.id()).medications())
        .extracting(CurrentMedication::drug)
        .containsExactly("oxycodone");
  }

  @Test
  void apixabanIsShownWithItsClassAndConfirmationStatus() {
    Patient p = patient();
    Http nurse = signedIn(Role.NURSE);
    addMedication(nurse, p.id(), medication("apixaban", "5", "mg", "TIMES_PER_DAY", "2"));
    String chart = nurse.get("/patients/" + p.id()).body();
    assertThat(chart)
        .contains("apixaban", "direct oral anticoagulant, factor Xa inhibitor")
        .contains("unconfirmed — confirm locally")
        .doesNotContain("Total daily MME");
    assertThat(medications.current(p.id()).bleedingRisk())
        .extracting(m -> m.drugClass().drugClass())
        .containsExactly(DrugClass.DOAC_FACTOR_XA_INHIBITOR);
  }

  @Test
  void badMedicationsAreRefusedWithASpecificMessageKeepingWhatWasTyped() {
    Patient p = patient();
    Http doctor = signedIn(Role.PAIN_PHYSICIAN);
    var unknownOpioid =
        addMedication(doctor, p.id(), medication("oxycontin", "20", "mg", "TIMES_PER_DAY", "2"));
    assertThat(unknownOpioid.statusCode()).isEqualTo(422);
    assertThat(unknownOpioid.body())
        .contains("Unknown opioid &#39;oxycontin&#39;", "value=\"oxycontin\"", "value=\"20\"");

    var meperidine =
        addMedication(doctor, p.id(), medication("meperidine", "50", "mg", "TIMES_PER_DAY", "4"));
    assertThat(meperidine.statusCode()).isEqualTo(422);
    assertThat(meperidine.body()).contains("Unknown opioid &#39;meperidine&#39;");

    var notANumber =
        addMedication(doctor, p.id(), medication("oxycodone", "ten", "mg", "TIMES_PER_DAY", "2"));
    assertThat(notANumber.statusCode()).isEqualTo(422);
    assertThat(notANumber.body())
        .contains("The dose must be a number such as 7.5.", "value=\"ten\"");

    var patchInMg =
        addMedication(
            doctor, p.id(), medication("fentanyl-transdermal", "25", "mg", "TIMES_PER_DAY", "1"));
    assertThat(patchInMg.statusCode()).isEqualTo(422);
    assertThat(patchInMg.body()).contains("fentanyl-transdermal is dosed in mcg/h");

    var form = medication("ibuprofen", "400", "mg", "TIMES_PER_DAY", "3");
    form.put("startDate", "2026-02-01");
    form.put("stopDate", "2026-01-01");
    var stopBeforeStart = addMedication(doctor, p.id(), form);
    assertThat(stopBeforeStart.statusCode()).isEqualTo(422);
    assertThat(stopBeforeStart.body())
        .contains("The stop date 2026-01-01 is before the start date 2026-02-01.")
        .contains("value=\"2026-01-01\"", "value=\"ibuprofen\"");

    var noCount =
        addMedication(doctor, p.id(), medication("tramadol", "50", "mg", "AS_NEEDED", ""));
    assertThat(noCount.statusCode()).isEqualTo(422);
    assertThat(noCount.body()).contains("Give the most doses of tramadol");

    assertThat(
            jdbc.sql("SELECT count(*) FROM patient_medication WHERE patient_id = :p")
                .param("p", p.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void onlyClinicalStaffSeeDiagnosesAndMedications() {
    Patient p = patient();
    Http doctor = signedIn(Role.PAIN_PHYSICIAN);
    addDiagnosis(doctor, p.id(), diagnosis("M96.1", "PRIMARY", "ACTIVE"));
    addMedication(doctor, p.id(), medication("warfarin", "5", "mg", "TIMES_PER_DAY", "1"));
    long readsBefore = audited("READ", "MedicationStatement", Long.toString(p.id()));
    for (Role role : new Role[] {Role.PRACTICE_ADMIN, Role.RECRUITER, Role.SPECIALIST}) {
      Http other = signedIn(role);
      for (String path : new String[] {"/diagnoses", "/medications", "/diagnoses?q=m96"}) {
        var response = other.get("/patients/" + p.id() + path);
        assertThat(response.statusCode()).as(role + " " + path).isEqualTo(403);
        assertThat(response.body()).doesNotContain("M96.1", "warfarin", "Listed");
      }
      var post =
          other.postForm(
              "/patients/" + p.id() + "/medications",
              medication("warfarin", "5", "mg", "TIMES_PER_DAY", "1"));
      assertThat(post.statusCode()).as(role + " post").isEqualTo(403);
    }
    assertThat(audited("READ", "MedicationStatement", Long.toString(p.id())))
        .isEqualTo(readsBefore);
  }

  @Test
  void anUnknownPatientIsNotFound() {
    Http nurse = signedIn(Role.NURSE);
    assertThat(nurse.get("/patients/987654321/diagnoses").statusCode()).isEqualTo(404);
    assertThat(nurse.get("/patients/987654321/medications").statusCode()).isEqualTo(404);
    assertThat(nurse.get("/patients/987654321/diagnoses?q=m54", "HX-Request", "true").statusCode())
        .isEqualTo(404);
    Patient p = patient();
    var response =
        nurse.submit(
            "/patients/" + p.id() + "/medications",
            "/patients/987654321/medications",
            medication("oxycodone", "10", "mg", "TIMES_PER_DAY", "2"));
    assertThat(response.statusCode()).isEqualTo(404);
  }
}
