package org.relief.consultations.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.relief.consultations.PlanItem;
import org.relief.consultations.PlanItemKind;
import org.relief.consultations.PlanItemStatus;
import org.relief.consultations.Visit;
import org.relief.consultations.VisitKind;
import org.relief.consultations.notes.NoteDraft;
import org.relief.consultations.notes.VisitNotes;
import org.relief.consultations.visits.AppointmentBook;
import org.relief.identity.PracticeInstalled;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.PatientConditions;
import org.relief.patients.PatientRegistry;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A week of synthetic visits for the demo practice: from three days ago to three days ahead
 * (Sundays off), each pain physician with six visits a day and each surgeon with three. Past visits
 * are seen with signed notes (goals, diagnoses and a treatment plan), with the odd no-show and
 * cancellation; today's first visits have arrived. Every note says it is synthetic. The same
 * installation day gives the same week.
 */
@Component
@Profile("demo")
class DemoVisits {

  private static final Logger log = LoggerFactory.getLogger(DemoVisits.class);

  /** A slot of a clinician's morning: start and the kind booked there. */
  private record Slot(LocalTime start, VisitKind kind) {}

  private static final List<Slot> PHYSICIAN_DAY =
      List.of(
          new Slot(LocalTime.of(8, 30), VisitKind.NEW),
          new Slot(LocalTime.of(9, 30), VisitKind.FOLLOW_UP),
          new Slot(LocalTime.of(10, 0), VisitKind.POST_PROCEDURE),
          new Slot(LocalTime.of(10, 30), VisitKind.FOLLOW_UP),
          new Slot(LocalTime.of(11, 0), VisitKind.NEW),
          new Slot(LocalTime.of(12, 0), VisitKind.FOLLOW_UP));
  private static final List<Slot> SURGEON_DAY =
      List.of(
          new Slot(LocalTime.of(13, 0), VisitKind.NEW),
          new Slot(LocalTime.of(14, 0), VisitKind.FOLLOW_UP),
          new Slot(LocalTime.of(14, 30), VisitKind.POST_PROCEDURE));

  /** A synthetic note: what was found and what was agreed. */
  private record Story(
      String history,
      String exam,
      String imaging,
      String assessment,
      String goals,
      int expectedRelief,
      PlanItemKind firstKind,
      String firstCode,
      String firstDetail,
      PlanItemKind secondKind,
      String secondDetail) {}

  private static final List<Story> STORIES =
      List.of(
          new Story(
              "Low back pain radiating down the left leg to the foot for 7 months; worse sitting.",
              "Positive straight leg raise on the left at 45 degrees; reduced left ankle reflex.",
              "MRI lumbar spine: L5-S1 left paracentral disc protrusion contacting the S1 root.",
              "Left S1 radiculopathy from disc protrusion, failed 8 weeks of physical therapy.",
              "Sit through a school concert; return to part-time work.",
              60,
              PlanItemKind.PROCEDURE,
              "lumbar-tfesi",
              "Left L5-S1",
              PlanItemKind.PHYSICAL_THERAPY,
              "Resume McKenzie programme after the injection, 6 weeks"),
          new Story(
              "Axial low back pain for 2 years, worse with extension and standing.",
              "Paraspinal tenderness L4-S1; pain on extension-rotation bilaterally; neurology intact.",
              "X-ray lumbar spine: facet arthropathy L4-5 and L5-S1.",
              "Suspected lumbar facet-mediated pain.",
              "Stand long enough to cook dinner; walk 2 km.",
              50,
              PlanItemKind.PROCEDURE,
              "lumbar-mbb",
              "Bilateral L4-5, L5-S1, first diagnostic block",
              PlanItemKind.MEDICATION_CHANGE,
              "Stop ibuprofen before the block; paracetamol 1 g up to three times a day"),
          new Story(
              "Neck pain with right arm tingling for 5 months after a fall.",
              "Spurling positive on the right; C6 dermatomal sensory change; strength 5/5.",
              "MRI cervical spine: C5-6 foraminal narrowing on the right.",
              "Right C6 radiculopathy, improving slowly.",
              "Sleep through the night; lift the grandchild.",
              40,
              PlanItemKind.PHYSICAL_THERAPY,
              null,
              "Cervical stabilisation, 8 weeks",
              PlanItemKind.PSYCHOLOGY,
              "Pain coping skills group; PHQ-9 moderate"),
          new Story(
              "Back and bilateral leg pain on walking, relieved by sitting, for 18 months.",
              "Neurology intact at rest; walking tolerance about 200 m.",
              "MRI lumbar spine: severe central stenosis L4-5 with grade 1 spondylolisthesis.",
              "Neurogenic claudication from L4-5 stenosis and spondylolisthesis.",
              "Walk the dog for 30 minutes without stopping.",
              70,
              PlanItemKind.CASE_CONFERENCE,
              null,
              "Decompression with or without fusion, or interlaminar injection first?",
              PlanItemKind.SURGICAL_REFERRAL,
              "Assess for L4-5 decompression"),
          new Story(
              "Buttock pain on the right, worse rising from a chair, for 9 months.",
              "Three of five sacroiliac provocation tests positive on the right.",
              "Pelvis X-ray: no fracture; mild sacroiliac sclerosis.",
              "Right sacroiliac joint pain.",
              "Get in and out of the car without help.",
              50,
              PlanItemKind.PROCEDURE,
              "si-joint-injection",
              "Right, fluoroscopic",
              PlanItemKind.PHYSICAL_THERAPY,
              "Pelvic stabilisation, 6 weeks"));

  private final AppointmentBook book;
  private final VisitNotes notes;
  private final UserAccounts accounts;
  private final PatientRegistry patients;
  private final PatientConditions conditions;
  private final Clock clock;
  private final PracticeSettings practice;

  DemoVisits(
      AppointmentBook book,
      VisitNotes notes,
      UserAccounts accounts,
      PatientRegistry patients,
      PatientConditions conditions,
      Clock clock,
      PracticeSettings practice) {
    this.book = book;
    this.notes = notes;
    this.accounts = accounts;
    this.patients = patients;
    this.conditions = conditions;
    this.clock = clock;
    this.practice = practice;
  }

  @EventListener
  @Order(50)
  void on(PracticeInstalled installed) {
    List<Long> patientIds = patients.syntheticPatientIds();
    List<UserAccount> clinicians = book.clinicians();
    UserAccount desk =
        accounts.all().stream().filter(a -> a.has(Role.FRONT_DESK)).findFirst().orElse(null);
    if (patientIds.isEmpty() || clinicians.isEmpty() || desk == null) {
      return;
    }
    LocalDate today = practice.today(clock);
    int next = 0;
    int visits = 0;
    int signed = 0;
    for (int offset = -3; offset <= 3; offset++) {
      LocalDate day = today.plusDays(offset);
      if (day.getDayOfWeek() == DayOfWeek.SUNDAY && offset != 0) {
        continue;
      }
      for (UserAccount clinician : clinicians) {
        List<Slot> slots = clinician.has(Role.SURGEON) ? SURGEON_DAY : PHYSICIAN_DAY;
        for (int s = 0; s < slots.size(); s++) {
          Slot slot = slots.get(s);
          long patientId = patientIds.get(next++ % patientIds.size());
          Visit visit =
              book.bookSynthetic(
                  new AppointmentBook.Booking(
                      patientId,
                      clinician.id(),
                      slot.kind(),
                      LocalDateTime.of(day, slot.start()),
                      null),
                  desk.id());
          visits++;
          if (offset < 0) {
            if ((next + offset) % 11 == 0) {
              book.markNoShow(visit.id());
            } else if ((next + offset) % 17 == 0) {
              book.cancel(visit.id());
            } else {
              sign(visit, clinician, STORIES.get(next % STORIES.size()), -offset);
              signed++;
            }
          } else if (offset == 0 && s < 2) {
            book.markArrived(visit.id());
          }
        }
      }
    }
    log.info("Synthetic demo visits loaded: {} visits, {} signed notes", visits, signed);
  }

  private void sign(Visit visit, UserAccount clinician, Story story, int daysAgo) {
    List<Long> diagnosisIds =
        conditions.of(visit.patientId()).stream()
            .filter(PatientConditions.Condition::active)
            .map(PatientConditions.Condition::id)
            .toList();
    PlanItem first =
        notes.addPlanItem(
            visit.id(), clinician.id(), story.firstKind(), story.firstCode(), story.firstDetail());
    notes.addPlanItem(visit.id(), clinician.id(), story.secondKind(), null, story.secondDetail());
    notes.sign(
        visit.id(),
        clinician.id(),
        new NoteDraft(
            story.history(),
            story.exam(),
            story.imaging(),
            story.assessment(),
            "Synthetic demo note: not a real patient.",
            story.goals(),
            story.expectedRelief(),
            diagnosisIds));
    if (daysAgo >= 2) {
      notes.changeItemStatus(visit.id(), first.id(), clinician.id(), PlanItemStatus.ORDERED);
    }
  }
}
