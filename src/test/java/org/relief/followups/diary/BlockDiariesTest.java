package org.relief.followups.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.followups.FollowUpFixtures.eventually;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.followups.BlockDiaries;
import org.relief.followups.BlockDiary;
import org.relief.followups.BlockDiary.MedialBranchPair;
import org.relief.followups.FollowUpFixtures;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.platform.Role;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class BlockDiariesTest {

  private static final Pattern LINK =
      Pattern.compile("https?://[^/\\s]+/diary/([A-Za-z0-9_-]{43})");

  @Autowired PatientRegistry registry;
  @Autowired UserAccounts accounts;
  @Autowired PerformedProcedures performed;
  @Autowired MutableClock clock;
  @Autowired BlockDiaries diaries;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  FollowUpFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new FollowUpFixtures(registry, accounts, performed, clock);
  }

  private String diaryToken(Patient patient) {
    List<String> bodies =
        eventually(
            () ->
                jdbc.sql(
                        "SELECT body FROM outbox_message WHERE patient_id = :p AND purpose ="
                            + " 'diary' ORDER BY id")
                    .param("p", patient.id())
                    .query(String.class)
                    .list(),
            list -> !list.isEmpty());
    String body = bodies.get(bodies.size() - 1);
    assertThat(body)
        .doesNotContainIgnoringCase("medial")
        .doesNotContainIgnoringCase("block")
        .doesNotContainIgnoringCase("pain")
        .doesNotContain("L4")
        .doesNotContain(patient.familyName());
    Matcher m = LINK.matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return m.group(1);
  }

  @Test
  void thePatientKeepsTheDiaryByLinkAndTwoBlocksAtTheSameLevelsMeetTheCriterion() {
    Patient patient = fixtures.patient();
    UserAccount physician = fixtures.physician();
    PerformedProcedure first =
        fixtures.perform(
            patient, physician, "lumbar-mbb", fixtures.today().minusDays(10), "L4–L5", "L5–S1");
    String token = diaryToken(patient);

    Http phone = Http.browser(port);
    assertThat(phone.get("/diary/" + token).body()).contains("15 minutes after");
    var bad =
        phone.submit(
            "/diary/" + token, "/diary/" + token, Map.of("m0", "0", "m15", "85", "m30", "150"));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body())
        .contains("Relief is 0 to 100 %; 150 was given.")
        .contains("value=\"85\"");
    assertThat(diaries.forProcedure(first.id()).orElseThrow().entries()).isEmpty();
    var saved =
        phone.submit(
            "/diary/" + token,
            "/diary/" + token,
            Map.of("m0", "0", "m15", "85", "m30", "90", "m60", "90", "m120", "60"));
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body()).contains("Saved");

    PerformedProcedure second =
        fixtures.perform(
            patient, physician, "lumbar-mbb", fixtures.today().minusDays(3), "L5–S1", "L4–L5");
    diaryToken(patient);
    Http nurse = Staff.signedIn(accounts, port, Role.NURSE);
    String page = "/followups/diaries/" + second.id();
    var paper =
        nurse.submit(
            page,
            page,
            Map.of("anaesthetic", "bupivacaine", "m0", "0", "m30", "80", "m240", "85", "m360", ""));
    assertThat(paper.statusCode()).isEqualTo(302);

    BlockDiary two = diaries.forProcedure(second.id()).orElseThrow();
    assertThat(two.peakRelief()).isEqualTo(85);
    assertThat(two.anaesthetic()).isEqualTo("bupivacaine");
    assertThat(two.expectedReliefConfirmed()).isFalse();
    List<MedialBranchPair> pairs = diaries.medialBranchPairs(patient.id());
    assertThat(pairs).hasSize(1);
    assertThat(pairs.get(0).bothReachedCriterion()).isTrue();
    assertThat(pairs.get(0).bothConsistentWithAgent()).as("first has no anaesthetic").isNull();
    assertThat(nurse.get(page).body())
        .contains("both ≥ 80 %")
        .contains("unconfirmed — confirm locally")
        .contains("§4a");
  }

  @Test
  void aTherapeuticProcedureHasNoDiaryAndAWrongTokenOrRoleOpensNone() {
    Patient patient = fixtures.patient();
    PerformedProcedure rfa =
        fixtures.perform(patient, fixtures.physician(), "lumbar-rfa", fixtures.today(), "L4–L5");
    PerformedProcedure mbb =
        fixtures.perform(
            fixtures.patient(), fixtures.physician(), "cervical-mbb", fixtures.today(), "C5–C6");
    eventually(() -> diaries.forProcedure(mbb.id()), d -> d.isPresent());

    assertThat(diaries.forProcedure(rfa.id())).isEmpty();
    Http phone = Http.browser(port);
    assertThat(phone.get("/diary/" + "B".repeat(43)).statusCode()).isEqualTo(404);
    assertThat(phone.get("/diary/nonsense").statusCode()).isEqualTo(404);
    for (Role role : new Role[] {Role.RECRUITER, Role.SPECIALIST, Role.FRONT_DESK}) {
      assertThat(
              Staff.signedIn(accounts, port, role)
                  .get("/followups/diaries/" + mbb.id())
                  .statusCode())
          .as(role.name())
          .isEqualTo(403);
    }
    assertThat(
            Staff.signedIn(accounts, port, Role.NURSE)
                .get("/followups/diaries/" + rfa.id())
                .statusCode())
        .isEqualTo(404);
  }
}
