package org.relief.conferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.relief.identity.CareTeams;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.patients.diagnoses.DiagnosisRank;
import org.relief.patients.diagnoses.DiagnosisStatus;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.relief.patients.history.OnsetMechanism;
import org.relief.patients.history.PainCharacter;
import org.relief.patients.history.PainHistories;
import org.relief.patients.history.PainHistoryDetails;
import org.relief.patients.history.PriorTreatment;
import org.relief.patients.history.TreatmentEffect;
import org.relief.patients.history.TreatmentType;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.relief.procedures.Laterality;
import org.relief.procedures.PerformedProcedures;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class CaseConferencesTest {

  private static final AtomicInteger SEQ = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired CareTeams careTeams;
  @Autowired CaseConferences conferences;
  @Autowired PatientRegistry registry;
  @Autowired PatientDiagnoses diagnoses;
  @Autowired PainHistories histories;
  @Autowired PerformedProcedures procedures;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired PracticeSettings practice;

  private Patient patient() {
    return registry.register(
        new PatientDetails(
            "CC" + SEQ.incrementAndGet(),
            "Conferred",
            "Connie",
            LocalDate.of(1961, 5, 6),
            Sex.FEMALE,
            null,
            null,
            "en"));
  }

  private UserAccount account(Role role) {
    String name = "cc-" + role.name().toLowerCase().replace('_', '-') + "-" + SEQ.incrementAndGet();
    return accounts.create(
        new UserAccounts.NewUser(name, "Dr " + name, Staff.PASSWORD, Set.of(role)));
  }

  private Http signedIn(UserAccount account) {
    Http http = Http.browser(port);
    http.signIn(account.username(), Staff.PASSWORD);
    return http;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(practice.timeZone()));
  }

  private CaseConference conferenceInDays(int days, UserAccount organiser, UserAccount... others) {
    Set<Long> ids = new java.util.HashSet<>();
    for (UserAccount o : others) {
      ids.add(o.id());
    }
    return conferences.schedule(
        new CaseConferences.Schedule(
            "Spine conference " + SEQ.incrementAndGet(),
            LocalDateTime.of(today().plusDays(days), LocalTime.of(7, 30)),
            ids),
        organiser.id());
  }

  private void score(long patientId, String instrument, LocalDate on, double score) {
    jdbc.sql(
            "INSERT INTO questionnaire_response (patient_id, instrument, instrument_version,"
                + " scored_at, score, band, subscores, flags, answered)"
                + " VALUES (:p, :i, '1', :at, :s, null, '{}'::jsonb, '[]'::jsonb, 1)")
        .param("p", patientId)
        .param("i", instrument)
        .param("at", Timestamp.from(on.atTime(12, 0).atZone(practice.timeZone()).toInstant()))
        .param("s", score)
        .update();
  }

  private long audited(String action, String type, String id, String outcome) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = :a AND object_type = :t"
                + " AND object_id = :id AND outcome = :o")
        .param("a", action)
        .param("t", type)
        .param("id", id)
        .param("o", outcome)
        .query(Long.class)
        .single();
  }

  private static Map<String, String> nomination(
      long conferenceId, long patientId, String question) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("conferenceId", Long.toString(conferenceId));
    form.put("patientId", Long.toString(patientId));
    form.put("visitId", "");
    form.put("question", question);
    form.put(
        "imagingReport",
        "MRI lumbar spine 2026-09-01: L4-L5 broad-based disc protrusion"
            + " with moderate foraminal stenosis on the left.");
    form.put("ptWeeks", "12");
    form.put("medicationsTried", "gabapentin 900 mg/day, stopped for sedation");
    return form;
  }

  @Test
  void theCareTeamNominatesFromTheChartAndThePacketAssemblesEveryPartAudited() {
    Patient p = patient();
    UserAccount doctor = account(Role.PAIN_PHYSICIAN);
    UserAccount surgeon = account(Role.SURGEON);
    UserAccount admin = account(Role.PRACTICE_ADMIN);
    careTeams.add(p.id(), doctor.id(), admin.id());
    diagnoses.add(p.id(), "M54.16", DiagnosisRank.PRIMARY, DiagnosisStatus.ACTIVE, null);
    histories.save(
        p.id(),
        null,
        new PainHistoryDetails(
            null,
            OnsetMechanism.DEGENERATIVE,
            null,
            EnumSet.of(PainCharacter.SHOOTING),
            Set.of(),
            null,
            Set.of(),
            null,
            List.of(
                new PriorTreatment(
                    TreatmentType.PHYSICAL_THERAPY,
                    "core stabilisation",
                    null,
                    null,
                    TreatmentEffect.SLIGHT))));
    LocalDate injected = today().minusDays(60);
    score(p.id(), "nrs", injected.minusDays(5), 8);
    score(p.id(), "odi", injected.minusDays(5), 52);
    score(p.id(), "nrs", injected.plusDays(14), 5);
    score(p.id(), "odi", injected.plusDays(14), 40);
    procedures.recordCompleted(
        new PerformedProcedures.Completed(
            p.id(),
            "lumbar-tfesi",
            injected,
            doctor.id(),
            List.of("L4–L5"),
            Laterality.LEFT,
            8,
            3));
    CaseConference conference = conferenceInDays(3, surgeon);

    Http http = signedIn(doctor);
    String chart = http.get("/patients/" + p.id()).body();
    assertThat(chart).contains("Case conferences", "/conferences/nominate?patient=" + p.id());
    String form = "/conferences/nominate?patient=" + p.id();
    assertThat(http.get(form).body())
        .contains(conference.title(), "Relief keeps no imaging record");
    var posted =
        http.submit(form, "/conferences/cases", nomination(conference.id(), p.id(), "Fusion?"));
    assertThat(posted.statusCode()).isEqualTo(302);
    String location = posted.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches(".*/conferences/cases/\\d+");

    long before = audited("READ", "CasePacket", Long.toString(p.id()), "SUCCESS");
    String packet = http.get(location.replaceFirst("^https?://[^/]+", "")).body();
    assertThat(packet)
        .contains("Fusion?", "Degenerative", "Shooting", "core stabilisation")
        .contains("M54.16", "foraminal stenosis", "Relief keeps no imaging record yet")
        .contains("Lumbar transforaminal epidural steroid injection", "L4–L5, Left", "8 → 3")
        .contains("NRS-11 8 → 5", "ODI 52 → 40")
        .contains("12 weeks", "gabapentin 900 mg/day")
        .contains("Score trajectory", "first 8, latest 5");
    assertThat(audited("READ", "CasePacket", Long.toString(p.id()), "SUCCESS"))
        .isEqualTo(before + 1);
    assertThat(chart).doesNotContain("Fusion?");
    assertThat(http.get("/patients/" + p.id()).body()).contains("Fusion?", "Not discussed yet");
  }

  @Test
  void onlyTheCareTeamAndAttendeesSeeAPacketAndEveryRefusalIsAudited() {
    Patient p = patient();
    UserAccount doctor = account(Role.PAIN_PHYSICIAN);
    UserAccount surgeon = account(Role.SURGEON);
    UserAccount outsider = account(Role.PAIN_PHYSICIAN);
    CaseConference conference = conferenceInDays(2, surgeon, doctor);
    ConferenceCase c =
        conferences.nominate(
            new CaseConferences.Nomination(
                conference.id(), p.id(), 77L, "Decompression?", null, null, null),
            doctor.id());
    assertThat(c.visitId()).isEqualTo(77L);
    String path = "/conferences/cases/" + c.id();

    assertThat(signedIn(doctor).get(path).statusCode()).isEqualTo(200);
    assertThat(signedIn(surgeon).get(path).body()).contains("Decompression?", "consultation 77");

    long denied = audited("READ", "CasePacket", Long.toString(p.id()), "DENIED");
    var refused = signedIn(outsider).get(path);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("Decompression?", "Conferred");
    assertThat(audited("READ", "CasePacket", Long.toString(p.id()), "DENIED"))
        .isEqualTo(denied + 1);
    String conferencePage = signedIn(outsider).get("/conferences/" + conference.id()).body();
    assertThat(conferencePage)
        .contains("outside your care teams")
        .doesNotContain("Decompression?", "Conferred");

    UserAccount admin = account(Role.PRACTICE_ADMIN);
    careTeams.add(p.id(), outsider.id(), admin.id());
    assertThat(signedIn(outsider).get(path).statusCode()).isEqualTo(200);

    for (Role role :
        new Role[] {Role.RECRUITER, Role.SPECIALIST, Role.FRONT_DESK, Role.PRACTICE_ADMIN}) {
      Http other = Staff.signedIn(accounts, port, role);
      for (String page : List.of(path, "/conferences", "/conferences/" + conference.id())) {
        var response = other.get(page);
        assertThat(response.statusCode()).as(role + " " + page).isEqualTo(403);
        assertThat(response.body()).doesNotContain("Decompression?");
      }
      String csrf = Http.csrfTokenOf(other.get("/account/security").body());
      var post =
          other.postForm(
              path + "/recommendation",
              Map.of("kind", "CONSERVATIVE", "rationale", "x", "_csrf", csrf));
      assertThat(post.statusCode()).as(role + " post").isEqualTo(403);
    }
  }

  @Test
  void aNominationNeedsAQuestionAnOpenConferenceAndTheTeamOrAnAttendeeAndKeepsWhatWasTyped() {
    Patient p = patient();
    UserAccount doctor = account(Role.PAIN_PHYSICIAN);
    UserAccount surgeon = account(Role.SURGEON);
    UserAccount stranger = account(Role.NURSE);
    CaseConference conference = conferenceInDays(2, surgeon, doctor);
    Http http = signedIn(doctor);
    String form = "/conferences/nominate?patient=" + p.id();
    Map<String, String> noQuestion = nomination(conference.id(), p.id(), "  ");
    var refused = http.submit(form, "/conferences/cases", noQuestion);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Write the question the conference should answer", "foraminal stenosis");
    Map<String, String> badWeeks = nomination(conference.id(), p.id(), "Fusion?");
    badWeeks.put("ptWeeks", "900");
    assertThat(http.submit(form, "/conferences/cases", badWeeks).body())
        .contains("Weeks of physical therapy are 0 to 520");

    assertThatThrownBy(
            () ->
                conferences.nominate(
                    new CaseConferences.Nomination(
                        conference.id(), p.id(), null, "Fusion?", null, null, null),
                    stranger.id()))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("Only the patient's care team or the conference's attendees");
    conferences.nominate(
        new CaseConferences.Nomination(conference.id(), p.id(), null, "Fusion?", null, null, null),
        doctor.id());
    assertThatThrownBy(
            () ->
                conferences.nominate(
                    new CaseConferences.Nomination(
                        conference.id(), p.id(), null, "Again?", null, null, null),
                    doctor.id()))
        .hasMessageContaining("already nominated");
    assertThatThrownBy(
            () ->
                conferences.schedule(
                    new CaseConferences.Schedule(
                        "No surgeon",
                        LocalDateTime.of(today().plusDays(3), LocalTime.NOON),
                        Set.of()),
                    doctor.id()))
        .hasMessageContaining("Invite at least one spine surgeon");
    assertThatThrownBy(
            () ->
                conferences.schedule(
                    new CaseConferences.Schedule(
                        "Past",
                        LocalDateTime.of(today().minusDays(1), LocalTime.NOON),
                        Set.of(surgeon.id())),
                    doctor.id()))
        .hasMessageContaining("which has passed");
  }

  @Test
  void attendeesRecordTheRecommendationDissentByNameAndActionsAndTheNextConferenceFollowsThrough() {
    Patient p = patient();
    UserAccount doctor = account(Role.PAIN_PHYSICIAN);
    UserAccount surgeon = account(Role.SURGEON);
    UserAccount nurse = account(Role.NURSE);
    CaseConference first = conferenceInDays(1, surgeon, doctor, nurse);
    ConferenceCase c =
        conferences.nominate(
            new CaseConferences.Nomination(
                first.id(), p.id(), null, "RFA or fusion?", null, 8, null),
            doctor.id());
    assertThatThrownBy(
            () ->
                conferences.recommend(
                    c.id(),
                    new CaseConferences.Recommendation(
                        null, RecommendationKind.CONSERVATIVE, null, "x"),
                    surgeon.id()))
        .hasMessageContaining("record what it decided from that day on");
    clock.advance(Duration.ofDays(1));
    score(p.id(), "nrs", today().minusDays(1), 7);
    conferences.recordAttendance(first.id(), Set.of(surgeon.id(), doctor.id()), surgeon.id());

    Http http = signedIn(surgeon);
    String page = "/conferences/cases/" + c.id();
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("discussion", "Facet-mediated pain likely; no instability on flexion films.");
    bad.put("kind", "INTERVENTIONAL");
    bad.put("procedure", "knee-replacement");
    bad.put("rationale", "Two positive medial branch blocks.");
    var refused = http.submit(page, page + "/recommendation", bad);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("not a procedure of the catalogue", "no instability on flexion films");
    Map<String, String> good = new LinkedHashMap<>(bad);
    good.put("procedure", "lumbar-rfa");
    assertThat(http.submit(page, page + "/recommendation", good).statusCode()).isEqualTo(302);

    var absent =
        http.submit(
            page, page + "/dissent", Map.of("userId", Long.toString(nurse.id()), "note", "No"));
    assertThat(absent.body()).contains("was recorded as absent");
    http.submit(
        page,
        page + "/dissent",
        Map.of("userId", Long.toString(doctor.id()), "note", "Prefers a repeat block first."));
    var action =
        http.submit(
            page,
            page + "/actions",
            Map.of(
                "kind", "ORDER",
                "description", "Schedule lumbar RFA L4–L5 left",
                "ownerId", Long.toString(doctor.id())));
    assertThat(action.statusCode()).isEqualTo(302);
    String recorded = http.get(page).body();
    assertThat(recorded)
        .contains("Interventional procedure", "Lumbar facet radiofrequency ablation")
        .contains("Two positive medial branch blocks.")
        .contains(doctor.displayName() + "</strong>:", "Prefers a repeat block first.")
        .contains("Schedule lumbar RFA L4–L5 left");
    assertThat(audited("UPDATE", "ConferenceCase", Long.toString(c.id()), "SUCCESS")).isEqualTo(2);

    Http outsider = signedIn(account(Role.PAIN_PHYSICIAN));
    String csrf = Http.csrfTokenOf(outsider.get("/conferences").body());
    var notAttendee =
        outsider.postForm(
            page + "/recommendation",
            Map.of("kind", "CONSERVATIVE", "rationale", "Mine", "_csrf", csrf));
    assertThat(notAttendee.statusCode()).isEqualTo(403);

    clock.advance(Duration.ofDays(20));
    procedures.recordCompleted(
        new PerformedProcedures.Completed(
            p.id(),
            "lumbar-rfa",
            today().minusDays(10),
            doctor.id(),
            List.of("L4–L5"),
            Laterality.LEFT,
            7,
            2));
    score(p.id(), "nrs", today().minusDays(2), 3);
    ConferenceCase.Action order = conferences.conferenceCase(c.id()).actions().get(0);
    conferences.changeActionStatus(order.id(), ActionStatus.DONE, doctor.id());
    CaseConference next = conferenceInDays(5, surgeon, doctor);
    String nextPage = signedIn(doctor).get("/conferences/" + next.id()).body();
    assertThat(nextPage)
        .contains("Follow-through of earlier cases", "Conferred, Connie", first.title())
        .contains("Schedule lumbar RFA L4–L5 left", "Done")
        .contains("Lumbar facet radiofrequency ablation, left", "7 → 3");
  }
}
