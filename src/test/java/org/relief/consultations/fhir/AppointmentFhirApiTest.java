package org.relief.consultations.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentParticipantComponent;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.consultations.Visit;
import org.relief.consultations.VisitKind;
import org.relief.consultations.visits.AppointmentBook;
import org.relief.fhir.FhirClients;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.identity.api.ApiClients;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.procedures.BookedProcedure;
import org.relief.procedures.Laterality;
import org.relief.procedures.ProcedureBooking;
import org.relief.procedures.ProcedureScheduling;
import org.relief.procedures.scheduling.Imaging;
import org.relief.procedures.scheduling.ProcedureRooms;
import org.relief.procedures.scheduling.SessionDay;
import org.relief.support.FhirValidation;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.relief.support.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Visits and procedure bookings as FHIR Appointments, through HAPI's generic client (decision 0073
 * §6).
 */
@ReliefIntegrationTest
class AppointmentFhirApiTest {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired PatientRegistry registry;
  @Autowired AppointmentBook book;
  @Autowired ProcedureScheduling scheduling;
  @Autowired ProcedureRooms rooms;
  @Autowired ApiClients apiClients;
  @Autowired MutableClock clock;
  @Autowired PracticeSettings practice;
  @Autowired JdbcClient jdbc;

  IGenericClient fhir;
  Patient patient;
  UserAccount doctor;
  LocalDate day;
  Visit visit;
  BookedProcedure booking;
  Instant started;

  @BeforeEach
  void setUp() {
    started = clock.instant();
    fhir = FhirClients.full(port);
    patient = TestPatients.register(registry, "AP", Sex.FEMALE);
    int n = SEQ.incrementAndGet();
    doctor =
        accounts.create(
            new UserAccounts.NewUser(
                "ap-doc-" + n + "-" + System.nanoTime(),
                "Dr Appointment",
                Staff.PASSWORD,
                Set.of(Role.PAIN_PHYSICIAN)));
    day = practice.today(clock).plusDays(30 + n);
    visit =
        book.book(
            new AppointmentBook.Booking(
                patient.id(),
                doctor.id(),
                VisitKind.FOLLOW_UP,
                LocalDateTime.of(day, LocalTime.of(9, 0)),
                null),
            doctor.id());
    var room =
        rooms.addRoom(
            "Room AP" + n + "-" + System.nanoTime() % 100000, List.of(Imaging.FLUOROSCOPY));
    SessionDay session =
        rooms.addSession(room.id(), day, LocalTime.of(13, 0), LocalTime.of(17, 0), doctor.id());
    booking =
        scheduling.book(
            new ProcedureBooking(
                patient.id(),
                session.id(),
                "lumbar-tfesi",
                List.of("L4–L5"),
                Laterality.LEFT,
                false,
                null,
                false,
                null,
                LocalTime.of(14, 0),
                null),
            doctor.id());
  }

  @AfterEach
  void resetClock() {
    clock.set(started);
  }

  private static String visitId(Visit v) {
    return "visit-" + v.id();
  }

  private String bookingId() {
    return "booking-" + booking.id();
  }

  private static List<String> actors(Appointment a) {
    return a.getParticipant().stream()
        .map(
            p ->
                p.getActor().hasReference()
                    ? p.getActor().getReference()
                    : p.getActor().getDisplay())
        .toList();
  }

  @Test
  void readsAVisitAndAProcedureBookingAsValidR4Appointments() {
    Appointment v = fhir.read().resource(Appointment.class).withId(visitId(visit)).execute();
    assertThat(v.getIdElement().getIdPart()).isEqualTo(visitId(visit));
    assertThat(v.getStatus()).isEqualTo(AppointmentStatus.BOOKED);
    assertThat(v.getServiceTypeFirstRep().getCodingFirstRep().getSystem())
        .isEqualTo(AppointmentMapper.VISIT_KIND);
    assertThat(v.getServiceTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("follow-up");
    assertThat(v.getAppointmentType().getCodingFirstRep().getCode()).isEqualTo("FOLLOWUP");
    assertThat(v.getStart().toInstant()).isEqualTo(visit.startsAt());
    assertThat(v.getEnd().toInstant()).isEqualTo(visit.endsAt());
    assertThat(actors(v)).containsExactly("Patient/" + patient.id(), "Practitioner/" + doctor.id());
    assertThat(v.getParticipant()).allMatch(AppointmentParticipantComponent::hasStatus);
    assertThat(FhirValidation.errors(FhirClients.json(v))).isEmpty();

    Appointment b = fhir.read().resource(Appointment.class).withId(bookingId()).execute();
    assertThat(b.getIdElement().getIdPart()).isEqualTo(bookingId());
    assertThat(b.getStatus()).isEqualTo(AppointmentStatus.BOOKED);
    assertThat(b.getServiceTypeFirstRep().getCodingFirstRep().getSystem())
        .isEqualTo(AppointmentMapper.PROCEDURE);
    assertThat(b.getServiceTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("lumbar-tfesi");
    assertThat(b.getServiceTypeFirstRep().getText()).isNotBlank().isNotEqualTo("lumbar-tfesi");
    assertThat(b.getStart().toInstant()).isEqualTo(booking.startsAt());
    assertThat(b.getEnd().toInstant()).isEqualTo(booking.endsAt());
    assertThat(actors(b))
        .hasSize(3)
        .contains("Patient/" + patient.id(), "Practitioner/" + doctor.id());
    AppointmentParticipantComponent room = b.getParticipant().get(2);
    assertThat(room.getActor().hasReference()).isFalse();
    assertThat(room.getActor().getType()).isEqualTo("Location");
    assertThat(room.getActor().getDisplay()).startsWith("Room AP");
    assertThat(b.getParticipant()).allMatch(AppointmentParticipantComponent::hasStatus);
    assertThat(FhirValidation.errors(FhirClients.json(b))).isEmpty();

    assertThat(
            fhir.read()
                .resource(Practitioner.class)
                .withUrl("Practitioner/" + doctor.id())
                .execute()
                .getNameFirstRep()
                .getText())
        .isEqualTo("Dr Appointment");
  }

  @Test
  void vreadServesTheCurrentVersionAndHistoryHoldsOnlyIt() {
    for (String id : List.of(visitId(visit), bookingId())) {
      Appointment current = fhir.read().resource(Appointment.class).withId(id).execute();
      String version = current.getIdElement().getVersionIdPart();
      assertThat(
              fhir.read()
                  .resource(Appointment.class)
                  .withIdAndVersion(id, version)
                  .execute()
                  .getIdElement()
                  .getVersionIdPart())
          .isEqualTo(version);
      assertThatThrownBy(
              () -> fhir.read().resource(Appointment.class).withIdAndVersion(id, "1").execute())
          .isInstanceOf(ResourceNotFoundException.class);
      Bundle history =
          fhir.history().onInstance("Appointment/" + id).returnBundle(Bundle.class).execute();
      assertThat(history.getEntry()).hasSize(1);
    }
  }

  @Test
  void unknownAndMalformedIdsAreNotFound() {
    for (String id :
        List.of(
            "visit-999999999", "booking-999999999", Long.toString(visit.id()), "v1", "visit-x")) {
      assertThatThrownBy(() -> fhir.read().resource(Appointment.class).withId(id).execute())
          .as(id)
          .isInstanceOf(ResourceNotFoundException.class);
    }
  }

  @Test
  void statusesFollowTheVisitAndTheBookingAndMakeNewVersions() {
    String before =
        fhir.read()
            .resource(Appointment.class)
            .withId(bookingId())
            .execute()
            .getIdElement()
            .getVersionIdPart();
    clock.advance(Duration.ofMinutes(5));
    book.markArrived(visit.id());
    scheduling.cancel(booking.id(), "Synthetic: patient unwell", doctor.id());

    assertThat(fhir.read().resource(Appointment.class).withId(visitId(visit)).execute().getStatus())
        .isEqualTo(AppointmentStatus.ARRIVED);
    Appointment cancelled = fhir.read().resource(Appointment.class).withId(bookingId()).execute();
    assertThat(cancelled.getStatus()).isEqualTo(AppointmentStatus.CANCELLED);
    assertThat(cancelled.getIdElement().getVersionIdPart()).isNotEqualTo(before);
    assertThatThrownBy(
            () ->
                fhir.read()
                    .resource(Appointment.class)
                    .withIdAndVersion(bookingId(), before)
                    .execute())
        .isInstanceOf(ResourceNotFoundException.class);

    book.markSeen(visit.id());
    Appointment seen = fhir.read().resource(Appointment.class).withId(visitId(visit)).execute();
    assertThat(seen.getStatus()).isEqualTo(AppointmentStatus.FULFILLED);
    assertThat(FhirValidation.errors(FhirClients.json(seen))).isEmpty();
    assertThat(FhirValidation.errors(FhirClients.json(cancelled))).isEmpty();
  }

  private Bundle search(String query) {
    return fhir.search().byUrl("Appointment?" + query).returnBundle(Bundle.class).execute();
  }

  private static List<String> ids(Bundle bundle) {
    return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
  }

  @Test
  void searchesByPatientPractitionerStatusAndDateWithPaging() {
    String p = "patient=Patient/" + patient.id();
    Bundle all = search(p);
    assertThat(all.getTotal()).isEqualTo(2);
    assertThat(ids(all)).containsExactly(visitId(visit), bookingId());
    for (var entry : all.getEntry()) {
      assertThat(FhirValidation.errors(FhirClients.json(entry.getResource()))).isEmpty();
    }

    assertThat(ids(search("practitioner=Practitioner/" + doctor.id())))
        .containsExactly(visitId(visit), bookingId());
    assertThat(ids(search("practitioner=" + doctor.id() + "&" + p)))
        .containsExactly(visitId(visit), bookingId());
    assertThat(search("practitioner=Practitioner/999999999").getTotal()).isZero();

    assertThat(search(p + "&status=booked").getTotal()).isEqualTo(2);
    assertThat(search(p + "&status=noshow").getTotal()).isZero();
    book.markNoShow(visit.id());
    assertThat(ids(search(p + "&status=noshow"))).containsExactly(visitId(visit));
    assertThat(ids(search(p + "&status=booked"))).containsExactly(bookingId());
    assertThat(ids(search(p + "&status=booked,noshow")))
        .containsExactly(visitId(visit), bookingId());

    assertThat(search(p + "&date=" + day).getTotal()).isEqualTo(2);
    assertThat(search(p + "&date=ge" + day + "&date=le" + day).getTotal()).isEqualTo(2);
    assertThat(search(p + "&date=lt" + day).getTotal()).isZero();
    assertThat(search(p + "&date=gt" + day).getTotal()).isZero();
    assertThat(ids(search(p + "&date=ge" + booking.startsAt()))).containsExactly(bookingId());

    Bundle first = search(p + "&_count=1");
    assertThat(first.getTotal()).isEqualTo(2);
    assertThat(ids(first)).containsExactly(visitId(visit));
    Bundle second = fhir.loadPage().next(first).execute();
    assertThat(ids(second)).containsExactly(bookingId());
  }

  private IGenericClient patientApp(long patientId, String scopes) {
    String client = "ap-app-" + SEQ.incrementAndGet() + "-" + System.nanoTime();
    String secret = "ap-app-secret-123456";
    apiClients.register(client, secret, List.of(scopes.split(" ")));
    var response =
        Http.api(port)
            .postForm(
                "/oauth2/token",
                Map.of(
                    "grant_type",
                    "client_credentials",
                    "scope",
                    scopes,
                    "patient",
                    Long.toString(patientId)),
                "Authorization",
                Http.basic(client, secret));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    IGenericClient app = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
    app.registerInterceptor(
        new BearerTokenAuthInterceptor(Http.json(response).get("access_token").asText()));
    return app;
  }

  @Test
  void aPatientTokenReachesItsOwnPatientsAppointmentsOnly() {
    Patient other = TestPatients.register(registry, "AP-OTHER", Sex.MALE);
    Visit othersVisit =
        book.book(
            new AppointmentBook.Booking(
                other.id(),
                doctor.id(),
                VisitKind.NEW,
                LocalDateTime.of(day, LocalTime.of(10, 0)),
                null),
            doctor.id());
    IGenericClient app = patientApp(patient.id(), "patient/Appointment.rs");

    assertThat(app.read().resource(Appointment.class).withId(bookingId()).execute().getStatus())
        .isEqualTo(AppointmentStatus.BOOKED);
    assertThatThrownBy(
            () -> app.read().resource(Appointment.class).withId(visitId(othersVisit)).execute())
        .isInstanceOf(ForbiddenOperationException.class);
    Bundle own =
        app.search()
            .byUrl("Appointment?practitioner=" + doctor.id())
            .returnBundle(Bundle.class)
            .execute();
    assertThat(ids(own)).containsExactly(visitId(visit), bookingId());
    assertThatThrownBy(
            () ->
                app.search()
                    .byUrl("Appointment?patient=" + other.id())
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE object_type = 'Appointment'"
                        + " AND object_id = :id AND action = 'ACCESS_DENIED'")
                .param("id", visitId(othersVisit))
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void wrongScopesAndWritesAreRefusedAndReadsAreAudited() {
    IGenericClient procedureOnly = FhirClients.withScopes(port, "system/Procedure.rs");
    assertThatThrownBy(
            () -> procedureOnly.read().resource(Appointment.class).withId(bookingId()).execute())
        .isInstanceOf(ForbiddenOperationException.class);
    IGenericClient readOnly = FhirClients.withScopes(port, "system/Appointment.r");
    readOnly.read().resource(Appointment.class).withId(visitId(visit)).execute();
    readOnly.read().resource(Appointment.class).withId(bookingId()).execute();
    assertThatThrownBy(
            () ->
                readOnly
                    .search()
                    .forResource(Appointment.class)
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);

    Appointment existing = fhir.read().resource(Appointment.class).withId(visitId(visit)).execute();
    assertThatThrownBy(() -> fhir.create().resource(existing.copy().setId((String) null)).execute())
        .isInstanceOf(MethodNotAllowedException.class);
    existing.setDescription("Changed elsewhere");
    assertThatThrownBy(() -> fhir.update().resource(existing).execute())
        .isInstanceOf(MethodNotAllowedException.class);
    assertThat(
            fhir.read()
                .resource(Appointment.class)
                .withId(visitId(visit))
                .execute()
                .getDescription())
        .isNotEqualTo("Changed elsewhere");

    for (String id : List.of(visitId(visit), bookingId())) {
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM audit_event WHERE object_type = 'Appointment'"
                          + " AND object_id = :id AND action = 'READ'")
                  .param("id", id)
                  .query(Long.class)
                  .single())
          .as(id)
          .isPositive();
    }
    search("patient=" + patient.id());
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE object_type = 'Appointment'"
                        + " AND object_id = :id AND action = 'SEARCH'")
                .param("id", "Patient/" + patient.id())
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void metadataListsExactlyTheAppointmentInteractions() {
    var json = Http.json(Http.api(port).get("/fhir/metadata"));
    var interactions = new ArrayList<String>();
    var params = new ArrayList<String>();
    for (var resource : json.get("rest").get(0).get("resource")) {
      if (resource.get("type").asText().equals("Appointment")) {
        resource.get("interaction").forEach(i -> interactions.add(i.get("code").asText()));
        resource.get("searchParam").forEach(p -> params.add(p.get("name").asText()));
      }
    }
    assertThat(interactions)
        .containsExactlyInAnyOrder("read", "vread", "search-type", "history-instance");
    assertThat(params).containsExactlyInAnyOrder("patient", "practitioner", "status", "date");
  }
}
