package org.relief.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.relief.support.Http;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.relief.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class PatientRegistryTest {

  private static final AtomicInteger SEQ = new AtomicInteger(1000);

  @LocalServerPort int port;
  @Autowired PatientRegistry registry;
  @Autowired UserAccounts accounts;
  @Autowired JdbcClient jdbc;

  private static String nextMrn() {
    return "T" + SEQ.incrementAndGet();
  }

  private static PatientDetails details(String mrn, String family, String given) {
    return new PatientDetails(
        mrn, family, given, LocalDate.of(1961, 4, 23), Sex.FEMALE, "555-0100", null, "en");
  }

  private Http signedIn(Role role) {
    return Staff.signedIn(accounts, port, role);
  }

  private long audited(String action, String patientId) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = :a AND object_type = 'Patient'"
                + " AND object_id = :id")
        .param("a", action)
        .param("id", patientId)
        .query(Long.class)
        .single();
  }

  @Test
  void duplicateMrnIsRefusedWhateverItsCaseAndNothingIsSaved() {
    String mrn = nextMrn();
    registry.register(details(mrn, "Original", "Ona"));
    assertThatThrownBy(() -> registry.register(details(mrn.toLowerCase(), "Second", "Sam")))
        .isInstanceOf(RuleViolation.class)
        .hasMessage(
            "MRN "
                + mrn
                + " already belongs to another patient. Search for it before registering.");
    assertThat(registry.search(mrn)).extracting(Patient::familyName).containsExactly("Original");
  }

  @Test
  void invalidDetailsAreRefusedWithMessagesAClinicianUnderstands() {
    var base = details(nextMrn(), "Valid", "Vera");
    assertThatThrownBy(() -> registry.register(withMrn(base, "bad mrn!")))
        .hasMessageContaining("An MRN has 1 to 20 letters, digits or hyphens");
    assertThatThrownBy(() -> registry.register(withBirth(base, LocalDate.of(2999, 1, 1))))
        .hasMessageContaining("is in the future");
    assertThatThrownBy(() -> registry.register(withBirth(base, LocalDate.of(1850, 1, 1))))
        .hasMessageContaining("before 1900");
    assertThatThrownBy(
            () ->
                registry.register(
                    new PatientDetails(
                        base.mrn(), " ", "Vera", base.birthDate(), Sex.FEMALE, null, null, null)))
        .hasMessage("Enter the patient's family name.");
    assertThatThrownBy(
            () ->
                registry.register(
                    new PatientDetails(
                        base.mrn(), "Valid", "Vera", base.birthDate(), null, null, null, null)))
        .hasMessage("Choose the patient's administrative sex.");
    assertThatThrownBy(
            () ->
                registry.register(
                    new PatientDetails(
                        base.mrn(),
                        "Valid",
                        "Vera",
                        base.birthDate(),
                        Sex.FEMALE,
                        null,
                        "not-an-address",
                        null)))
        .hasMessage("The e-mail address does not look complete.");
    assertThat(registry.search(base.mrn())).isEmpty();
  }

  private static PatientDetails withMrn(PatientDetails d, String mrn) {
    return new PatientDetails(
        mrn,
        d.familyName(),
        d.givenName(),
        d.birthDate(),
        d.sex(),
        d.phone(),
        d.email(),
        d.preferredLanguage());
  }

  private static PatientDetails withBirth(PatientDetails d, LocalDate birth) {
    return new PatientDetails(
        d.mrn(),
        d.familyName(),
        d.givenName(),
        birth,
        d.sex(),
        d.phone(),
        d.email(),
        d.preferredLanguage());
  }

  @Test
  void searchFindsByAnyPartsOfTheNameByMrnAndByBirthDate() {
    String mrn = nextMrn();
    var p =
        registry.register(
            new PatientDetails(
                mrn,
                "Quixley-Tarrant",
                "Marisol",
                LocalDate.of(1957, 9, 3),
                Sex.FEMALE,
                null,
                null,
                "es"));
    assertThat(registry.search("quixley")).extracting(Patient::id).contains(p.id());
    assertThat(registry.search("mari QUIXLEY")).extracting(Patient::id).containsExactly(p.id());
    assertThat(registry.search("Quixley-Tarrant, Marisol"))
        .extracting(Patient::id)
        .containsExactly(p.id());
    assertThat(registry.search(mrn.toLowerCase())).extracting(Patient::id).containsExactly(p.id());
    assertThat(registry.search("1957-09-03")).extracting(Patient::id).contains(p.id());
    assertThat(registry.search("9/3/1957")).extracting(Patient::id).contains(p.id());
    assertThat(registry.search("quixley zzz")).isEmpty();
  }

  @Test
  void likeWildcardsInTheQueryAreTakenLiterally() {
    registry.register(details(nextMrn(), "Percentage", "Pat"));
    assertThat(registry.search("%")).isEmpty();
    assertThat(registry.search("_ercentage")).isEmpty();
  }

  @Test
  void editingWithAStaleVersionIsRefusedAndKeepsTheOtherEdit() {
    var p = registry.register(details(nextMrn(), "Concurrent", "Cleo"));
    registry.update(p.id(), p.version(), details(p.mrn(), "Concurrent", "Cleopatra"));
    assertThatThrownBy(() -> registry.update(p.id(), p.version(), details(p.mrn(), "Lost", "Edit")))
        .isInstanceOf(PatientChangedMeanwhile.class);
    assertThat(registry.open(p.id()).givenName()).isEqualTo("Cleopatra");
  }

  @Test
  void changingToAnotherPatientsMrnIsRefused() {
    var a = registry.register(details(nextMrn(), "Alpha", "Ann"));
    var b = registry.register(details(nextMrn(), "Beta", "Ben"));
    assertThatThrownBy(() -> registry.update(b.id(), b.version(), details(a.mrn(), "Beta", "Ben")))
        .hasMessageContaining("already belongs to another patient");
    assertThat(registry.open(b.id()).mrn()).isEqualTo(b.mrn());
  }

  @Test
  void nurseRegistersAPatientThroughTheFormAndEveryStepIsAudited() {
    Http nurse = signedIn(Role.NURSE);
    String mrn = nextMrn();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("mrn", mrn);
    form.put("familyName", "Formfield");
    form.put("givenName", "Fern");
    form.put("birthDate", "1970-01-02");
    form.put("sex", "FEMALE");
    form.put("preferredLanguage", "en");
    var created = nurse.submit("/patients/new", "/patients", form);
    assertThat(created.statusCode()).isEqualTo(302);
    String location = created.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);

    var chart = nurse.get("/patients/" + id);
    assertThat(chart.statusCode()).isEqualTo(200);
    assertThat(chart.body()).contains("Formfield, Fern", mrn);
    assertThat(chart.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    var found = nurse.get("/patients?q=formfield");
    assertThat(found.body()).contains("Formfield, Fern");

    assertThat(audited("CREATE", id)).isEqualTo(1);
    assertThat(audited("READ", id)).isEqualTo(1);
    long searches =
        jdbc.sql(
                "SELECT count(*) FROM audit_event WHERE action = 'SEARCH'"
                    + " AND object_type = 'Patient' AND detail = 'by name, results 1'")
            .query(Long.class)
            .single();
    assertThat(searches).isGreaterThanOrEqualTo(1);
    String names =
        jdbc.sql(
                "SELECT string_agg(coalesce(detail, '') || coalesce(object_id, ''), ' ') FROM audit_event")
            .query(String.class)
            .single();
    assertThat(names).as("no names in the audit trail").doesNotContainIgnoringCase("formfield");
  }

  @Test
  void aRefusedFormKeepsWhatWasTypedAndSavesNothing() {
    Http desk = signedIn(Role.FRONT_DESK);
    String mrn = nextMrn();
    var refused =
        desk.submit(
            "/patients/new",
            "/patients",
            Map.of(
                "mrn",
                mrn,
                "familyName",
                "Keepme",
                "givenName",
                "Kim",
                "birthDate",
                "not-a-date",
                "sex",
                "MALE"));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("The date of birth must be a date such as 1961-04-23.", "Keepme", mrn);
    assertThat(registry.search(mrn)).isEmpty();
  }

  @Test
  void editingAfterSomeoneElseSavedAnswers409WithTheCurrentDetails() {
    var p = registry.register(details(nextMrn(), "Stale", "Stan"));
    Http physician = signedIn(Role.PAIN_PHYSICIAN);
    String editPage = physician.get("/patients/" + p.id() + "/edit").body();
    registry.update(p.id(), p.version(), details(p.mrn(), "Stale", "Stanley"));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", Http.csrfTokenOf(editPage));
    form.put("version", Integer.toString(p.version()));
    form.put("mrn", p.mrn());
    form.put("familyName", "Stale");
    form.put("givenName", "Overwrite");
    form.put("birthDate", "1961-04-23");
    form.put("sex", "FEMALE");
    var conflict = physician.postForm("/patients/" + p.id(), form);
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.body()).contains("Someone else changed patient", "Stanley");
    assertThat(registry.open(p.id()).givenName()).isEqualTo("Stanley");
  }

  @Test
  void recruitersAndAdministratorsCannotOpenTheRegistry() {
    var p = registry.register(details(nextMrn(), "Private", "Priya"));
    for (Role role : new Role[] {Role.RECRUITER, Role.SPECIALIST, Role.PRACTICE_ADMIN}) {
      Http browser = signedIn(role);
      assertThat(browser.get("/patients").statusCode()).as(role.name()).isEqualTo(403);
      var chart = browser.get("/patients/" + p.id());
      assertThat(chart.statusCode()).as(role.name()).isEqualTo(403);
      assertThat(chart.body()).doesNotContain("Private");
    }
    assertThat(audited("READ", Long.toString(p.id()))).isZero();
  }

  @Test
  void anUnknownPatientIsNotFound() {
    Http nurse = signedIn(Role.NURSE);
    var response = nurse.get("/patients/987654321");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("There is no patient 987654321.");
  }

  @Test
  void adminCanStillSignInWhileTheRegistryIsClosedToThem() {
    Http admin = Http.browser(port);
    admin.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    assertThat(admin.get("/today").body()).doesNotContain("href=\"/patients\"");
  }
}
