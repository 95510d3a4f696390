package org.relief.conferences.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.relief.conferences.ActionKind;
import org.relief.conferences.ActionStatus;
import org.relief.conferences.CaseConference;
import org.relief.conferences.CaseConferences;
import org.relief.conferences.ConferenceCase;
import org.relief.conferences.RecommendationKind;
import org.relief.identity.CareTeams;
import org.relief.identity.PracticeInstalled;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.PatientRegistry;
import org.relief.platform.PracticeSettings;
import org.relief.procedures.Laterality;
import org.relief.procedures.PerformedProcedures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A synthetic conference history for the demo practice, after its staff, patients and scores: two
 * past conferences with recommendations, dissent and actions (some done, some open), and an
 * upcoming one with nominations, so the follow-through has something to show. The patients' care
 * teams and the procedures the cases talk about are seeded here too. Everything is invented.
 */
@Component
@Profile("demo")
class DemoConferences {

  private static final Logger log = LoggerFactory.getLogger(DemoConferences.class);
  static final String TITLE = "Spine case conference (synthetic)";

  private final CaseConferences conferences;
  private final CareTeams careTeams;
  private final UserAccounts accounts;
  private final PatientRegistry patients;
  private final PerformedProcedures procedures;
  private final Clock clock;
  private final PracticeSettings practice;

  DemoConferences(
      CaseConferences conferences,
      CareTeams careTeams,
      UserAccounts accounts,
      PatientRegistry patients,
      PerformedProcedures procedures,
      Clock clock,
      PracticeSettings practice) {
    this.conferences = conferences;
    this.careTeams = careTeams;
    this.accounts = accounts;
    this.patients = patients;
    this.procedures = procedures;
    this.clock = clock;
    this.practice = practice;
  }

  @EventListener
  @Order(60)
  void on(PracticeInstalled installed) {
    List<Long> ids = patients.syntheticPatientIds();
    if (ids.size() < 6) {
      return;
    }
    UserAccount okafor = user("dr.okafor");
    UserAccount lindqvist = user("dr.lindqvist");
    UserAccount brandt = user("dr.brandt");
    UserAccount nakamura = user("dr.nakamura");
    UserAccount adeyemi = user("nurse.adeyemi");
    List<Long> cases = ids.subList(0, 6);
    for (long patient : cases) {
      careTeams.add(patient, okafor.id(), installed.adminUserId());
      careTeams.add(patient, adeyemi.id(), installed.adminUserId());
    }
    LocalDate today = practice.today(clock);
    Set<Long> attendees = Set.of(lindqvist.id(), brandt.id(), nakamura.id(), adeyemi.id());

    procedure(cases.get(0), "lumbar-tfesi", today.minusDays(150), okafor, "L4–L5", 8, 3);
    procedure(cases.get(1), "lumbar-mbb", today.minusDays(120), okafor, "L4–L5", 7, 2);
    procedure(cases.get(1), "lumbar-mbb", today.minusDays(100), okafor, "L4–L5", 7, 2);

    CaseConference first = schedule(today.minusDays(56), okafor, attendees);
    conferences.recordAttendance(
        first.id(), Set.of(okafor.id(), brandt.id(), nakamura.id(), adeyemi.id()), okafor.id());
    ConferenceCase a =
        nominate(
            first,
            cases.get(0),
            okafor,
            "Persistent left L5 radiculopathy after a transforaminal injection that helped for"
                + " six weeks: repeat injection or decompression?",
            "MRI lumbar spine (synthetic): L4–L5 left paracentral disc extrusion contacting the"
                + " traversing L5 root; no instability on flexion-extension films.",
            12,
            "gabapentin 900 mg/day for 3 months, stopped for sedation; naproxen, slight effect");
    decide(
        a,
        brandt,
        "Concordant imaging and dermatomal pain; short response to TFESI; motor exam normal.",
        RecommendationKind.SURGERY,
        "L4–L5 left microdiscectomy",
        "Concordant single-level disc extrusion with radicular pain beyond 12 weeks of"
            + " conservative care and a short-lived injection response.");
    conferences.recordDissent(
        a.id(), nakamura.id(), "Would repeat one TFESI before surgery.", okafor.id());
    action(
        a,
        ActionKind.REFERRAL,
        "Surgical consultation with Dr. Brandt",
        adeyemi,
        ActionStatus.DONE,
        okafor);
    action(
        a,
        ActionKind.TASK,
        "Pre-operative PHQ-9 and expectations talk",
        okafor,
        ActionStatus.DONE,
        okafor);

    ConferenceCase b =
        nominate(
            first,
            cases.get(1),
            okafor,
            "Two concordant medial branch blocks at L4–L5: radiofrequency ablation or fusion?",
            "MRI lumbar spine (synthetic): bilateral L4–L5 facet arthropathy, grade 1"
                + " degenerative spondylolisthesis, stable on flexion-extension.",
            8,
            "duloxetine 60 mg, moderate effect; tramadol, stopped for nausea");
    decide(
        b,
        brandt,
        "Facet-mediated axial pain; listhesis stable; no neurological deficit.",
        RecommendationKind.INTERVENTIONAL,
        "lumbar-rfa",
        "Two blocks with 80 % relief each; stable listhesis does not call for fusion now.");
    action(
        b,
        ActionKind.ORDER,
        "Schedule lumbar RFA L4–L5 bilateral",
        okafor,
        ActionStatus.DONE,
        okafor);
    procedure(cases.get(1), "lumbar-rfa", today.minusDays(40), okafor, "L4–L5", 7, 3);

    CaseConference second =
        schedule(today.minusDays(28), lindqvist, Set.of(okafor.id(), brandt.id(), nakamura.id()));
    conferences.recordAttendance(
        second.id(), Set.of(okafor.id(), lindqvist.id(), nakamura.id()), lindqvist.id());
    ConferenceCase c =
        nominate(
            second,
            cases.get(2),
            okafor,
            "Neck and arm pain with hand numbness: is further work-up needed before any"
                + " procedure?",
            null,
            6,
            "pregabalin 150 mg/day, slight effect");
    decide(
        c,
        nakamura,
        "Possible myelopathic signs (Hoffmann positive on the right); no recent imaging.",
        RecommendationKind.WORK_UP,
        "MRI cervical spine and EMG/nerve conduction of the right arm",
        "Rule out cervical myelopathy before an interventional plan.");
    action(c, ActionKind.ORDER, "Order MRI cervical spine", okafor, ActionStatus.DONE, okafor);
    action(c, ActionKind.ORDER, "Order EMG/NCS right arm", adeyemi, ActionStatus.OPEN, okafor);
    ConferenceCase d =
        nominate(
            second,
            cases.get(3),
            okafor,
            "Widespread low back pain with high PHQ-9: any role for surgery?",
            "MRI lumbar spine (synthetic): multilevel mild degenerative disc disease, no"
                + " stenosis.",
            16,
            "naproxen, celecoxib, cyclobenzaprine: no lasting effect");
    decide(
        d,
        nakamura,
        "No surgical target; mood and sleep dominate; deconditioned.",
        RecommendationKind.CONSERVATIVE,
        "Pain psychology (CBT) and a graded activity programme",
        "Non-specific degenerative changes without a surgical target.");
    action(
        d, ActionKind.REFERRAL, "Referral to pain psychology", adeyemi, ActionStatus.OPEN, okafor);

    CaseConference next = schedule(today.plusDays(7), okafor, attendees);
    nominate(
        next,
        cases.get(4),
        okafor,
        "Failed back surgery syndrome after L5–S1 fusion: spinal cord stimulator trial or"
            + " revision?",
        "CT lumbar spine (synthetic): solid L5–S1 fusion, no hardware loosening; mild L4–L5"
            + " adjacent-segment degeneration.",
        20,
        "gabapentin, duloxetine, oxycodone (tapered)");
    nominate(
        next,
        cases.get(5),
        okafor,
        "Sacroiliac joint pain after two diagnostic blocks: fusion referral?",
        "X-ray pelvis (synthetic): mild bilateral sacroiliac sclerosis.",
        10,
        "meloxicam, slight effect");
    log.info("Synthetic demo practice: 3 case conferences with 6 cases");
  }

  private UserAccount user(String username) {
    return accounts.findByUsername(username).orElseThrow();
  }

  private CaseConference schedule(LocalDate day, UserAccount organiser, Set<Long> attendees) {
    return conferences.scheduleSynthetic(
        new CaseConferences.Schedule(TITLE, LocalDateTime.of(day, LocalTime.of(7, 30)), attendees),
        organiser.id());
  }

  private ConferenceCase nominate(
      CaseConference conference,
      long patientId,
      UserAccount by,
      String question,
      String imaging,
      Integer ptWeeks,
      String medicationsTried) {
    return conferences.nominateSynthetic(
        new CaseConferences.Nomination(
            conference.id(), patientId, null, question, imaging, ptWeeks, medicationsTried),
        by.id());
  }

  private void decide(
      ConferenceCase c,
      UserAccount by,
      String discussion,
      RecommendationKind kind,
      String detail,
      String rationale) {
    conferences.recommend(
        c.id(), new CaseConferences.Recommendation(discussion, kind, detail, rationale), by.id());
  }

  private void action(
      ConferenceCase c,
      ActionKind kind,
      String what,
      UserAccount owner,
      ActionStatus status,
      UserAccount recorder) {
    // Recorded by the organiser of every demo conference's cases, who attends them all.
    var action = conferences.addAction(c.id(), kind, what, owner.id(), recorder.id());
    if (status != ActionStatus.OPEN) {
      conferences.changeActionStatus(action.id(), status, owner.id());
    }
  }

  private void procedure(
      long patientId,
      String type,
      LocalDate on,
      UserAccount operator,
      String level,
      int before,
      int after) {
    procedures.recordSynthetic(
        new PerformedProcedures.Completed(
            patientId,
            type,
            on,
            operator.id(),
            List.of(level),
            type.equals("lumbar-tfesi") ? Laterality.LEFT : Laterality.BILATERAL,
            before,
            after));
  }
}
