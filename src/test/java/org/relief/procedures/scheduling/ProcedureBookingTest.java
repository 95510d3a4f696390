package org.relief.procedures.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.relief.patients.medicationlist.MedicationList;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.relief.procedures.BookedProcedure;
import org.relief.procedures.BookingStatus;
import org.relief.procedures.Laterality;
import org.relief.procedures.ProcedureBooking;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class ProcedureBookingTest {

  @Autowired SchedulingService scheduling;
  @Autowired ProcedureRooms rooms;
  @Autowired PatientRegistry registry;
  @Autowired UserAccounts accounts;
  @Autowired MedicationList medications;
  @Autowired PatientDiagnoses diagnoses;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  SchedulingFixture fixture;
  UserAccount desk;

  @BeforeEach
  void setUp() {
    fixture = new SchedulingFixture(rooms, registry, accounts, medications, diagnoses);
    desk = fixture.user(Role.FRONT_DESK);
  }

  private LocalDate inDays(int days) {
    return LocalDate.now(clock.withZone(ZoneId.of("America/New_York"))).plusDays(days);
  }

  @Test
  void booksAProcedureIntoASessionWithTheTypesUsualTimeAndSteroid() {
    SessionDay session = fixture.session(inDays(3));
    Patient patient = fixture.man();

    BookedProcedure booked =
        scheduling.book(SchedulingFixture.tfesi(patient, session, "14:00"), desk.id());

    assertThat(booked.status()).isEqualTo(BookingStatus.BOOKED);
    assertThat(booked.roomId()).isEqualTo(session.roomId());
    assertThat(booked.physicianId()).isEqualTo(session.physicianId());
    assertThat(booked.steroid()).as("an ESI plans steroid by default").isTrue();
    assertThat(booked.endsAt()).isEqualTo(booked.startsAt().plusSeconds(30 * 60));
    assertThat(scheduling.upcomingFor(patient.id())).containsExactly(booked);
  }

  @Test
  void refusesASecondProcedureInTheSameRoomAtAnOverlappingTimeInWords() {
    SessionDay session = fixture.session(inDays(3));
    scheduling.book(SchedulingFixture.tfesi(fixture.man(), session, "14:00"), desk.id());

    assertThatThrownBy(
            () ->
                scheduling.book(
                    SchedulingFixture.tfesi(fixture.man(), session, "14:15"), desk.id()))
        .isInstanceOf(RuleViolation.class)
        .hasMessage(session.roomName() + " is already booked 14:00–14:30 for another procedure.")
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo("room-double-booked");
    assertThat(scheduling.book(SchedulingFixture.tfesi(fixture.man(), session, "14:30"), desk.id()))
        .as("back to back is fine")
        .isNotNull();
  }

  @Test
  void refusesThePatientInTwoRoomsAtOnce() {
    SessionDay one = fixture.session(inDays(4));
    SessionDay two = fixture.session(inDays(4));
    Patient patient = fixture.man();
    scheduling.book(SchedulingFixture.tfesi(patient, one, "15:00"), desk.id());

    assertThatThrownBy(
            () -> scheduling.book(SchedulingFixture.tfesi(patient, two, "15:10"), desk.id()))
        .isInstanceOf(RuleViolation.class)
        .hasMessage(
            "The patient is already booked 15:00–15:30 in "
                + one.roomName()
                + " for another procedure.");
  }

  @Test
  void aCancelledBookingFreesItsTime() {
    SessionDay session = fixture.session(inDays(5));
    BookedProcedure first =
        scheduling.book(SchedulingFixture.tfesi(fixture.man(), session, "13:00"), desk.id());
    scheduling.cancel(first.id(), "Patient unwell", desk.id());

    assertThat(scheduling.book(SchedulingFixture.tfesi(fixture.man(), session, "13:00"), desk.id()))
        .isNotNull();
    assertThat(scheduling.find(first.id()).orElseThrow().status())
        .isEqualTo(BookingStatus.CANCELLED);
  }

  @Test
  void refusesATimeOutsideTheSessionAPhysicianNotOnItAndThePast() {
    SessionDay session = fixture.session(inDays(3));
    Patient patient = fixture.man();

    assertThatThrownBy(
            () -> scheduling.book(SchedulingFixture.tfesi(patient, session, "16:45"), desk.id()))
        .hasMessageContaining("runs 13:00–17:00; 16:45–17:15 does not fit");
    assertThatThrownBy(
            () -> scheduling.book(SchedulingFixture.tfesi(patient, session, "12:00"), desk.id()))
        .hasMessageContaining("does not fit");
    UserAccount other = fixture.user(Role.PAIN_PHYSICIAN);
    ProcedureBooking withOther =
        new ProcedureBooking(
            patient.id(),
            session.id(),
            "lumbar-tfesi",
            List.of("L4–L5"),
            Laterality.LEFT,
            false,
            null,
            false,
            other.id(),
            LocalTime.of(14, 0),
            null);
    assertThatThrownBy(() -> scheduling.book(withOther, desk.id()))
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo("physician-not-on-session");
    SessionDay today = fixture.session(inDays(0));
    clock.set(today.endsAt().minusSeconds(60));
    try {
      assertThatThrownBy(
              () -> scheduling.book(SchedulingFixture.tfesi(patient, today, "13:00"), desk.id()))
          .extracting(e -> ((RuleViolation) e).code())
          .isEqualTo("booking-in-past");
    } finally {
      clock.set(java.time.Instant.now());
    }
  }

  @Test
  void refusesLevelsTheCatalogueDoesNotAllowAndAnUnknownProcedure() {
    SessionDay session = fixture.session(inDays(3));
    Patient patient = fixture.man();
    ProcedureBooking cervicalLevel =
        new ProcedureBooking(
            patient.id(),
            session.id(),
            "lumbar-tfesi",
            List.of("C5–C6"),
            Laterality.LEFT,
            false,
            null,
            false,
            null,
            LocalTime.of(14, 0),
            null);
    assertThatThrownBy(() -> scheduling.book(cervicalLevel, desk.id()))
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo("level-not-allowed");
    ProcedureBooking unknown =
        new ProcedureBooking(
            patient.id(),
            session.id(),
            "lumbar-magic",
            List.of(),
            Laterality.LEFT,
            false,
            null,
            false,
            null,
            LocalTime.of(14, 0),
            null);
    assertThatThrownBy(() -> scheduling.book(unknown, desk.id()))
        .hasMessageContaining("lumbar-magic");
    assertThat(scheduling.upcomingFor(patient.id())).isEmpty();
  }

  @Test
  void refusesOverlappingSessionsOfARoomOrAPhysician() {
    SessionDay session = fixture.session(inDays(6));
    assertThatThrownBy(
            () ->
                rooms.addSession(
                    session.roomId(),
                    session.date(),
                    LocalTime.of(16, 0),
                    LocalTime.of(18, 0),
                    fixture.user(Role.PAIN_PHYSICIAN).id()))
        .hasMessage(
            session.roomName()
                + " already has a session 13:00–17:00. Sessions of a room or a physician do not"
                + " overlap.");
    assertThatThrownBy(
            () ->
                rooms.addSession(
                    fixture.room().id(),
                    session.date(),
                    LocalTime.of(9, 0),
                    LocalTime.of(13, 30),
                    session.physicianId()))
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo("session-overlaps");
    assertThatThrownBy(
            () ->
                rooms.addSession(
                    fixture.room().id(),
                    inDays(6),
                    LocalTime.of(9, 0),
                    LocalTime.of(12, 0),
                    fixture.user(Role.NURSE).id()))
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo("not-a-physician");
  }

  @Test
  void theDatabaseItselfRefusesAnOverlapThatSkipsTheApplicationsCheck() {
    SessionDay session = fixture.session(inDays(7));
    BookedProcedure booked =
        scheduling.book(SchedulingFixture.tfesi(fixture.man(), session, "14:00"), desk.id());

    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "INSERT INTO procedure_booking (session_id, room_id, physician_id,"
                            + " patient_id, procedure_type, laterality, sedation, steroid,"
                            + " starts_at, ends_at, status, booked_by, booked_at)"
                            + " SELECT session_id, room_id, physician_id, patient_id + 100000,"
                            + " procedure_type, laterality, sedation, steroid,"
                            + " starts_at + interval '10 minutes', ends_at, 'booked', booked_by,"
                            + " booked_at FROM procedure_booking WHERE id = ?")
                    .param(booked.id())
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("procedure_booking_room_taken");
  }

  @Test
  void twoStaffBookingTheSameRoomAtTheSameInstantOneWins() throws Exception {
    SessionDay session = fixture.session(inDays(8));
    UserAccount nurse = fixture.user(Role.NURSE);
    Patient a = fixture.man();
    Patient b = fixture.man();

    List<Outcome> outcomes =
        race(
            () -> scheduling.book(SchedulingFixture.tfesi(a, session, "14:00"), desk.id()),
            () -> scheduling.book(SchedulingFixture.tfesi(b, session, "14:00"), nurse.id()));

    assertThat(outcomes).filteredOn(o -> o.booked() != null).hasSize(1);
    assertThat(outcomes)
        .filteredOn(o -> o.refusal() != null)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.refusal().code()).isEqualTo("room-double-booked");
              assertThat(o.refusal().getMessage())
                  .isEqualTo(
                      session.roomName() + " is already booked 14:00–14:30 for another procedure.");
            });
    assertThat(bookingsInRoom(session.roomId())).isEqualTo(1);
  }

  @Test
  void twoStaffBookingThePatientInTwoRoomsAtTheSameInstantOneWins() throws Exception {
    SessionDay one = fixture.session(inDays(9));
    SessionDay two = fixture.session(inDays(9));
    Patient patient = fixture.man();

    List<Outcome> outcomes =
        race(
            () -> scheduling.book(SchedulingFixture.tfesi(patient, one, "15:00"), desk.id()),
            () -> scheduling.book(SchedulingFixture.tfesi(patient, two, "15:00"), desk.id()));

    assertThat(outcomes).filteredOn(o -> o.booked() != null).hasSize(1);
    assertThat(outcomes)
        .filteredOn(o -> o.refusal() != null)
        .singleElement()
        .satisfies(o -> assertThat(o.refusal().code()).isEqualTo("patient-double-booked"));
    assertThat(scheduling.upcomingFor(patient.id())).hasSize(1);
  }

  record Outcome(BookedProcedure booked, RuleViolation refusal) {}

  /** Runs both at the same instant (a barrier releases them together) and collects outcomes. */
  private static List<Outcome> race(
      Callable<BookedProcedure> first, Callable<BookedProcedure> second) throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Callable<BookedProcedure> call : List.of(first, second)) {
        futures.add(
            pool.submit(
                () -> {
                  barrier.await(10, TimeUnit.SECONDS);
                  try {
                    return new Outcome(call.call(), null);
                  } catch (RuleViolation refused) {
                    return new Outcome(null, refused);
                  }
                }));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        outcomes.add(f.get(30, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private long bookingsInRoom(long roomId) {
    return jdbc.sql("SELECT count(*) FROM procedure_booking WHERE room_id = ?")
        .param(roomId)
        .query(Long.class)
        .single();
  }
}
