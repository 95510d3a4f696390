package org.relief.careers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.relief.careers.specialists.CandidateProfile;
import org.relief.careers.specialists.SpecialistProfiles;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class SpecialistProfileTest {

  private static final AtomicInteger SEQ = new AtomicInteger();
  static final String PASSWORD = "a-long-enough-pass";

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired SpecialistProfiles profiles;
  @Autowired JdbcClient jdbc;

  /** A signed-in specialist and their account. */
  record Specialist(Http http, UserAccount account) {}

  static Specialist specialist(UserAccounts accounts, int port) {
    String username = "specialist-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
    UserAccount account =
        accounts.create(
            new UserAccounts.NewUser(
                username, "Dr Test " + username, PASSWORD, Set.of(Role.SPECIALIST)));
    Http http = Http.browser(port);
    http.signIn(username, PASSWORD);
    return new Specialist(http, account);
  }

  private Specialist specialist() {
    return specialist(accounts, port);
  }

  private static HttpResponse<String> post(Specialist s, String action, Map<String, String> form) {
    return s.http().submit("/careers/profile", action, form);
  }

  private static String unusedNpi(int seed) {
    String nine = String.format("1%08d", seed % 100_000_000);
    for (int d = 0; d < 10; d++) {
      if (org.relief.careers.specialists.Npi.valid(nine + d)) {
        return nine + d;
      }
    }
    throw new IllegalStateException();
  }

  @Test
  void aSpecialistKeepsIdentityLicencesRegistrationsBoardsAndCmeInTheirProfile() {
    Specialist s = specialist();
    String npi = unusedNpi((int) (System.nanoTime() % 90_000_000));
    Map<String, String> basics = new LinkedHashMap<>();
    basics.put("npi", npi);
    basics.put("taxonomy", "INTERVENTIONAL_PAIN");
    basics.put("homeState", "TX");
    basics.put("fellowship", "Pain Medicine Fellowship, Test University");
    basics.put("fellowshipYear", "2019");
    basics.put("caqhAttestedOn", "2026-09-01");
    assertThat(post(s, "/careers/profile", basics).statusCode()).isEqualTo(302);
    assertThat(
            post(
                    s,
                    "/careers/profile/licences",
                    Map.of(
                        "licState", "TX",
                        "licNumber", "Q1234",
                        "licStatus", "ACTIVE",
                        "licExpires", "2027-08-31",
                        "licVerifiedBy", "Credentialing office",
                        "licVerifiedAt", "2026-01-15",
                        "licSource", "Texas Medical Board look-up"))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            post(
                    s,
                    "/careers/profile/registrations",
                    Map.of(
                        "regKind", "DEA",
                        "regState", "TX",
                        "regNumber", "FT1234563",
                        "regExpires", "2027-05-31"))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            post(
                    s,
                    "/careers/profile/boards",
                    Map.of(
                        "boardBoard", "ABMS",
                        "boardSpecialty", "Pain Medicine (ABA)",
                        "boardCertified", "2020-07-01",
                        "boardMoc", "2027-12-31"))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            post(
                    s,
                    "/careers/profile/cme-requirements",
                    Map.of(
                        "reqState", "TX",
                        "reqCategory", "AMA_PRA_1",
                        "reqCredits", "48",
                        "reqStart", "2025-09-01",
                        "reqDue", "2027-08-31"))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            post(
                    s,
                    "/careers/profile/cme",
                    Map.of(
                        "cmeCategory", "AMA_PRA_1",
                        "cmeState", "",
                        "cmeCredits", "12.5",
                        "cmeEarned", "2026-03-10",
                        "cmeActivity", "Neuromodulation course"))
                .statusCode())
        .isEqualTo(302);

    String page = s.http().get("/careers/profile").body();
    assertThat(page)
        .contains(npi, "Pain Medicine Fellowship, Test University", "Q1234", "2027-08-31")
        .contains("by Credentialing office on 2026-01-15 (Texas Medical Board look-up)")
        .contains("FT1234563", "Pain Medicine (ABA)", "2027-12-31", "Neuromodulation course")
        .contains("12.5 / 48");
    var stored = profiles.own(s.account().id());
    assertThat(stored.caqhAttestedOn()).hasToString("2026-09-01");
    assertThat(stored.licences()).hasSize(1);
    assertThat(stored.registrations()).hasSize(1);
    assertThat(stored.boards()).hasSize(1);
    assertThat(stored.cme()).hasSize(1);
    assertThat(stored.cmeRequirements()).hasSize(1);
  }

  @Test
  void aMistypedNpiIsRefusedWithTheReasonAndTheSavedProfileStays() {
    Specialist s = specialist();
    String npi = unusedNpi((int) (System.nanoTime() % 90_000_000) + 7);
    assertThat(post(s, "/careers/profile", Map.of("npi", npi, "fellowship", "Kept")).statusCode())
        .isEqualTo(302);
    String wrong = npi.substring(0, 9) + ((npi.charAt(9) - '0' + 1) % 10);
    var refused = post(s, "/careers/profile", Map.of("npi", wrong, "fellowship", "Typed"));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("is not valid", "check digit", wrong, "Typed");
    assertThat(profiles.own(s.account().id()).npi()).isEqualTo(npi);
    assertThat(profiles.own(s.account().id()).fellowship()).isEqualTo("Kept");

    Specialist other = specialist();
    var taken = post(other, "/careers/profile", Map.of("npi", npi));
    assertThat(taken.statusCode()).isEqualTo(422);
    assertThat(taken.body()).contains("already has the NPI");
  }

  @Test
  void badCredentialValuesAreRefusedByField() {
    Specialist s = specialist();
    var badState =
        post(
            s,
            "/careers/profile/licences",
            Map.of("licState", "Texas", "licNumber", "Q1", "licStatus", "ACTIVE"));
    assertThat(badState.statusCode()).isEqualTo(422);
    assertThat(badState.body()).contains("two-letter US state");
    var badDate =
        post(
            s,
            "/careers/profile/licences",
            Map.of(
                "licState", "TX", "licNumber", "Q1", "licStatus", "ACTIVE", "licExpires", "31/08"));
    assertThat(badDate.body()).contains("licence expiry date is not a date");
    var futureVerification =
        post(
            s,
            "/careers/profile/licences",
            Map.of(
                "licState",
                "TX",
                "licNumber",
                "Q1",
                "licStatus",
                "ACTIVE",
                "licVerifiedAt",
                "2999-01-01"));
    assertThat(futureVerification.body()).contains("cannot be later than today");
    var backwardsCycle =
        post(
            s,
            "/careers/profile/cme-requirements",
            Map.of(
                "reqState", "TX",
                "reqCategory", "ETHICS",
                "reqCredits", "2",
                "reqStart", "2027-01-01",
                "reqDue", "2026-01-01"));
    assertThat(backwardsCycle.body()).contains("cannot end before it starts");
    var badCall =
        post(
            s,
            "/careers/profile/preferences",
            Map.of("prefStates", "TX", "prefMaxCallNights", "40"));
    assertThat(badCall.statusCode()).isEqualTo(422);
    assertThat(badCall.body()).contains("call limit must be between 0 and 31");
    assertThat(profiles.own(s.account().id()).licences()).isEmpty();
  }

  @Test
  void aSpecialistCannotRemoveAnotherSpecialistsCredentials() {
    Specialist a = specialist();
    Specialist b = specialist();
    post(
        b,
        "/careers/profile/licences",
        Map.of("licState", "OK", "licNumber", "B-1", "licStatus", "ACTIVE"));
    long licenceId = profiles.own(b.account().id()).licences().get(0).id();
    var refused = post(a, "/careers/profile/licences/" + licenceId + "/remove", Map.of());
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(profiles.own(b.account().id()).licences()).hasSize(1);
    assertThat(a.http().get("/careers/profile").body()).doesNotContain("B-1");
    assertThat(post(b, "/careers/profile/licences/" + licenceId + "/remove", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(profiles.own(b.account().id()).licences()).isEmpty();
  }

  @Test
  void preferencesAreSavedAndOtherRolesCannotOpenOrChangeAProfile() {
    Specialist s = specialist();
    Map<String, String> prefs = new LinkedHashMap<>();
    prefs.put("prefStates", "tx, ok");
    prefs.put("prefMinCompensation", "612345");
    prefs.put("prefMaxCallNights", "3");
    prefs.put("prefSettings", "ASC");
    prefs.put("allowContact", "true");
    assertThat(post(s, "/careers/profile/preferences", prefs).statusCode()).isEqualTo(302);
    var stored = profiles.own(s.account().id()).preferences();
    assertThat(stored.states()).containsExactly("TX", "OK");
    assertThat(stored.minCompensation()).isEqualTo(612_345);
    assertThat(stored.allowContact()).isTrue();

    for (Role role : List.of(Role.RECRUITER, Role.PRACTICE_ADMIN, Role.PAIN_PHYSICIAN)) {
      Http other = Staff.signedIn(accounts, port, role);
      assertThat(other.get("/careers/profile").statusCode()).as(role.name()).isEqualTo(403);
      String csrf = Http.csrfTokenOf(other.get("/account/security").body());
      for (String action :
          List.of(
              "/careers/profile",
              "/careers/profile/preferences",
              "/careers/profile/licences",
              "/careers/profile/registrations",
              "/careers/profile/boards",
              "/careers/profile/cme",
              "/careers/profile/cme-requirements",
              "/careers/profile/licences/1/remove")) {
        assertThat(other.postForm(action, Map.of("_csrf", csrf, "npi", "1234567893")).statusCode())
            .as(role + " " + action)
            .isEqualTo(403);
      }
    }
    assertThat(profiles.own(s.account().id()).preferences().minCompensation()).isEqualTo(612_345);
  }

  @Test
  void theEmployersViewOfAProfileHasNoPlaceForPreferences() {
    assertThat(CandidateProfile.class.getRecordComponents())
        .extracting(java.lang.reflect.RecordComponent::getName)
        .doesNotContain("preferences")
        .noneMatch(n -> n.startsWith("pref") || n.equals("allowContact"));
  }
}
