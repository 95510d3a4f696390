package org.relief.procedures.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.relief.patients.medicationlist.MedicationList;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.relief.procedures.BookedProcedure;
import org.relief.procedures.BookingStatus;
import org.relief.procedures.Laterality;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.relief.procedures.ProcedureBooking;
import org.relief.procedures.Readiness;
import org.relief.procedures.scheduling.Checklist.Item;
import org.relief.procedures.scheduling.Checklist.State;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@ReliefIntegrationTest
class ReadinessChecklistTest {

  private static final ZoneId PRACTICE = ZoneId.of("America/New_York");

  /** A Wednesday at noon in the practice: every test books the same afternoon, in new rooms. */
  private static final LocalDate DAY = LocalDate.of(2030, 6, 5);

  @Autowired SchedulingService scheduling;
  @Autowired ReadinessChecklists checklists;
  @Autowired ProcedureRooms rooms;
  @Autowired PatientRegistry registry;
  @Autowired UserAccounts accounts;
  @Autowired MedicationList medications;
  @Autowired PatientDiagnoses diagnoses;
  @Autowired PerformedProcedures performed;
  @Autowired TransactionTemplate transactions;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  SchedulingFixture fixture;
  UserAccount desk;
  UserAccount nurse;
  UserAccount physician;

  @BeforeEach
  void setUp() {
    clock.set(DAY.atTime(12, 0).atZone(PRACTICE).toInstant());
    fixture = new SchedulingFixture(rooms, registry, accounts, medications, diagnoses);
    desk = fixture.user(Role.FRONT_DESK);
    nurse = fixture.user(Role.NURSE);
    physician = fixture.user(Role.PAIN_PHYSICIAN);
  }

  @AfterEach
  void restoreClock() {
    clock.set(Instant.now());
  }

  private BookedProcedure book(ProcedureBooking booking) {
    return scheduling.book(booking, desk.id());
  }

  private SessionDay session() {
    return rooms.addSession(
        fixture.room().id(), DAY, LocalTime.of(13, 0), LocalTime.of(17, 0), physician.id());
  }

  private static Item item(Checklist list, ReadinessItem which) {
    return list.items().stream().filter(i -> i.item() == which).findFirst().orElseThrow();
  }

  @Test
  void decidesFromTheRecordWhatItCanAndLeavesTheRestOpen() {
    Patient man = fixture.man();
    BookedProcedure booking = book(SchedulingFixture.trigger(man, session(), "14:00"));

    Checklist list = checklists.of(booking.id());

    Item anticoagulation = item(list, ReadinessItem.ANTICOAGULATION);
    assertThat(anticoagulation.state()).isEqualTo(State.DONE);
    assertThat(anticoagulation.automatic()).isTrue();
    assertThat(anticoagulation.why())
        .isEqualTo("No anticoagulant, antiplatelet or NSAID on the current medication list.");
    assertThat(item(list, ReadinessItem.PREGNANCY).state()).isEqualTo(State.NOT_APPLICABLE);
    assertThat(item(list, ReadinessItem.GLUCOSE_PLAN).why()).isEqualTo("No steroid planned.");
    assertThat(item(list, ReadinessItem.DRIVER).state()).isEqualTo(State.NOT_APPLICABLE);
    assertThat(item(list, ReadinessItem.FASTING).state()).isEqualTo(State.NOT_APPLICABLE);
    assertThat(list.openItems())
        .extracting(Item::item)
        .containsExactly(
            ReadinessItem.CONSENT,
            ReadinessItem.CONTRAST_ALLERGY,
            ReadinessItem.INFECTION,
            ReadinessItem.IMAGING,
            ReadinessItem.PRIOR_AUTHORISATION);
    assertThat(list.readiness()).isEqualTo(new Readiness(Readiness.State.NOT_READY, 5, 0));
  }

  @Test
  void asksAboutPregnancyOnlyForFemalePatientsOfTheConfiguredAges() {
    SessionDay session = session();
    Patient young = fixture.patient(Sex.FEMALE, DAY.minusYears(30));
    Patient older = fixture.patient(Sex.FEMALE, DAY.minusYears(56));
    Patient twelve = fixture.patient(Sex.FEMALE, DAY.minusYears(12));

    var youngList = checklists.of(book(SchedulingFixture.trigger(young, session, "13:00")).id());
    var olderList = checklists.of(book(SchedulingFixture.trigger(older, session, "13:30")).id());
    var twelveList = checklists.of(book(SchedulingFixture.trigger(twelve, session, "14:00")).id());

    assertThat(item(youngList, ReadinessItem.PREGNANCY).state()).isEqualTo(State.OPEN);
    assertThat(item(youngList, ReadinessItem.PREGNANCY).hint()).contains("aged 12–55");
    assertThat(item(twelveList, ReadinessItem.PREGNANCY).state()).isEqualTo(State.OPEN);
    assertThat(item(olderList, ReadinessItem.PREGNANCY).state()).isEqualTo(State.NOT_APPLICABLE);
    assertThat(item(olderList, ReadinessItem.PREGNANCY).why())
        .isEqualTo("Age 56 on the day, outside 12–55.");
  }

  @Test
  void asksForAGlucosePlanOnlyForADiabeticReceivingSteroid() {
    SessionDay session = session();
    Patient diabetic = fixture.man();
    fixture.diagnosed(diabetic, "E11.9");
    Patient other = fixture.man();
    fixture.diagnosed(other, "M54.16");

    var esi = checklists.of(book(SchedulingFixture.tfesi(diabetic, session, "13:00")).id());
    var noSteroid =
        checklists.of(
            book(new ProcedureBooking(
                    diabetic.id(),
                    session.id(),
                    "lumbar-tfesi",
                    List.of("L5–S1"),
                    Laterality.RIGHT,
                    false,
                    false,
                    false,
                    null,
                    LocalTime.of(15, 0),
                    null))
                .id());
    var notDiabetic = checklists.of(book(SchedulingFixture.tfesi(other, session, "14:00")).id());

    assertThat(item(esi, ReadinessItem.GLUCOSE_PLAN).state()).isEqualTo(State.OPEN);
    assertThat(item(esi, ReadinessItem.GLUCOSE_PLAN).hint()).contains("E11.9");
    assertThat(item(noSteroid, ReadinessItem.GLUCOSE_PLAN).state()).isEqualTo(State.NOT_APPLICABLE);
    assertThat(item(notDiabetic, ReadinessItem.GLUCOSE_PLAN).why())
        .isEqualTo("No active diabetes diagnosis (ICD-10-CM E08–E13) on the problem list.");
  }

  @Test
  void aHeldAnticoagulantNeedsTheConfirmationOfTheClinicianWithThePrescriber() {
    Patient patient = fixture.man();
    fixture.takes(patient, "apixaban", DAY.minusDays(60));
    BookedProcedure booking = book(SchedulingFixture.tfesi(patient, session(), "14:00"));

    Item open = item(checklists.of(booking.id()), ReadinessItem.ANTICOAGULATION);
    assertThat(open.state()).isEqualTo(State.OPEN);
    assertThat(open.why()).startsWith("apixaban: hold, last dose 2030-06-02 (72 h before)");

    assertThatThrownBy(
            () ->
                checklists.confirmAnticoagulation(
                    booking.id(), "Dr Prescriber", DAY, null, desk.id()))
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo("clinician-confirms");
    assertThatThrownBy(
            () -> checklists.confirmAnticoagulation(booking.id(), " ", DAY, null, nurse.id()))
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo("prescriber-missing");
    checklists.confirmAnticoagulation(
        booking.id(), "Dr Cardio (synthetic)", DAY.minusDays(4), "held from Sunday", nurse.id());

    Item confirmed = item(checklists.of(booking.id()), ReadinessItem.ANTICOAGULATION);
    assertThat(confirmed.state()).isEqualTo(State.DONE);
    assertThat(confirmed.prescriber()).isEqualTo("Dr Cardio (synthetic)");
    assertThat(confirmed.discussedOn()).isEqualTo(DAY.minusDays(4));
    assertThat(confirmed.recordedBy()).isEqualTo(nurse.displayName());

    fixture.takes(patient, "clopidogrel", DAY.minusDays(2));
    Item reopened = item(checklists.of(booking.id()), ReadinessItem.ANTICOAGULATION);
    assertThat(reopened.state()).as("a new drug changes the plan").isEqualTo(State.OPEN);
    assertThat(reopened.why()).startsWith("The plan changed since it was confirmed");
  }

  @Test
  void aProcedureStartsOnlyWhenEveryItemIsGreenOrOverriddenByAPainPhysician() {
    Patient patient = fixture.man();
    BookedProcedure booking = book(SchedulingFixture.trigger(patient, session(), "14:00"));
    checklists.tick(booking.id(), ReadinessItem.CONSENT, null, desk.id());
    checklists.tick(booking.id(), ReadinessItem.INFECTION, "afebrile", nurse.id());
    checklists.notApplicable(
        booking.id(), ReadinessItem.CONTRAST_ALLERGY, "No contrast: ultrasound-guided", nurse.id());
    checklists.tick(booking.id(), ReadinessItem.IMAGING, null, desk.id());

    assertThatThrownBy(() -> scheduling.start(booking.id(), physician.id()))
        .isInstanceOf(RuleViolation.class)
        .hasMessage(
            "Not ready to start. Open: Prior authorisation. Complete them, or a pain physician"
                + " overrides them with a reason.");
    assertThatThrownBy(
            () ->
                checklists.override(
                    booking.id(), ReadinessItem.PRIOR_AUTHORISATION, "urgent", nurse.id()))
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo("physician-overrides");
    assertThatThrownBy(
            () ->
                checklists.override(
                    booking.id(), ReadinessItem.PRIOR_AUTHORISATION, "", physician.id()))
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo("reason-missing");
    assertThatThrownBy(
            () ->
                checklists.override(
                    booking.id(), ReadinessItem.CONSENT, "already done", physician.id()))
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo("item-not-open");

    checklists.override(
        booking.id(),
        ReadinessItem.PRIOR_AUTHORISATION,
        "Payer answer due today; patient accepts the cost",
        physician.id());
    assertThat(scheduling.readiness(booking.id()))
        .isEqualTo(new Readiness(Readiness.State.OVERRIDDEN, 0, 1));
    assertThatThrownBy(() -> scheduling.start(booking.id(), nurse.id()))
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo("physician-starts");

    BookedProcedure started = scheduling.start(booking.id(), physician.id());

    assertThat(started.status()).isEqualTo(BookingStatus.IN_PROGRESS);
    assertThatThrownBy(() -> checklists.tick(booking.id(), ReadinessItem.CONSENT, null, nurse.id()))
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo("booking-not-open");
    long overrideAudits =
        jdbc.sql(
                "SELECT count(*) FROM audit_event WHERE object_type = 'Appointment'"
                    + " AND object_id = ? AND detail = 'readiness prior-authorisation overridden'")
            .param(Long.toString(booking.id()))
            .query(Long.class)
            .single();
    assertThat(overrideAudits).isEqualTo(1);
  }

  @Test
  void anItemDecidedByTheRecordCannotBeTickedAndATickCanBeUndone() {
    BookedProcedure booking = book(SchedulingFixture.trigger(fixture.man(), session(), "14:00"));
    assertThatThrownBy(() -> checklists.tick(booking.id(), ReadinessItem.DRIVER, null, nurse.id()))
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo("item-decided-by-record");
    assertThatThrownBy(
            () -> checklists.notApplicable(booking.id(), ReadinessItem.CONSENT, " ", nurse.id()))
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo("reason-missing");

    checklists.tick(booking.id(), ReadinessItem.CONSENT, null, nurse.id());
    checklists.reopen(booking.id(), ReadinessItem.CONSENT, nurse.id());

    assertThat(item(checklists.of(booking.id()), ReadinessItem.CONSENT).state())
        .isEqualTo(State.OPEN);
  }

  @Test
  void aStartedBookingIsCompletedWhenItsProcedureIsRecorded() {
    Patient patient = fixture.man();
    BookedProcedure booking = book(SchedulingFixture.trigger(patient, session(), "14:00"));
    for (ReadinessItem item :
        List.of(
            ReadinessItem.CONSENT,
            ReadinessItem.CONTRAST_ALLERGY,
            ReadinessItem.INFECTION,
            ReadinessItem.IMAGING,
            ReadinessItem.PRIOR_AUTHORISATION)) {
      checklists.tick(booking.id(), item, null, nurse.id());
    }
    scheduling.start(booking.id(), physician.id());

    PerformedProcedure record =
        transactions.execute(
            tx -> {
              PerformedProcedure done =
                  performed.recordCompleted(
                      new PerformedProcedures.Completed(
                          patient.id(),
                          "trigger-point-injection",
                          DAY,
                          physician.id(),
                          List.of(),
                          Laterality.NOT_APPLICABLE,
                          6,
                          2));
              jdbc.sql("UPDATE procedure_record SET booking_id = ? WHERE id = ?")
                  .params(booking.id(), done.id())
                  .update();
              return done;
            });

    BookedProcedure completed = scheduling.find(booking.id()).orElseThrow();
    assertThat(completed.status()).isEqualTo(BookingStatus.COMPLETED);
    assertThat(completed.procedureId()).isEqualTo(record.id());
    scheduling.markCompleted(booking.id(), record.id());
    assertThat(scheduling.upcomingFor(patient.id())).isEmpty();
  }

  @Test
  void aProcedureIsNotStartedOnAnotherDay() {
    SessionDay later =
        rooms.addSession(
            fixture.room().id(),
            DAY.plusDays(1),
            LocalTime.of(13, 0),
            LocalTime.of(17, 0),
            physician.id());
    BookedProcedure booking = book(SchedulingFixture.trigger(fixture.man(), later, "14:00"));
    for (Item open : checklists.of(booking.id()).openItems()) {
      checklists.tick(booking.id(), open.item(), null, nurse.id());
    }
    assertThat(scheduling.readiness(booking.id()).state()).isEqualTo(Readiness.State.READY);
    assertThatThrownBy(() -> scheduling.start(booking.id(), physician.id()))
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo("not-the-day");
  }
}
