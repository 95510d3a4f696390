package org.relief.consultations.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.consultations.PlanItem;
import org.relief.consultations.PlanItemKind;
import org.relief.consultations.PlanItemStatus;
import org.relief.consultations.VisitKind;
import org.relief.consultations.notes.NoteDraft;
import org.relief.consultations.notes.VisitNotes;
import org.relief.consultations.visits.AppointmentBook;
import org.relief.fhir.FhirClients;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.support.FhirValidation;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.relief.support.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Referrals of signed treatment plans as FHIR ServiceRequests, through HAPI's generic client. */
@ReliefIntegrationTest
class ServiceRequestFhirApiTest {

  private static final AtomicInteger SEQ = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired PatientRegistry registry;
  @Autowired AppointmentBook book;
  @Autowired VisitNotes notes;
  @Autowired MutableClock clock;
  @Autowired PracticeSettings practice;
  @Autowired JdbcClient jdbc;

  IGenericClient fhir;
  Patient patient;
  UserAccount doctor;

  @BeforeEach
  void setUp() {
    fhir = FhirClients.full(port);
    patient = TestPatients.register(registry, "SR", Sex.MALE);
    doctor =
        accounts.create(
            new UserAccounts.NewUser(
                "sr-doc-" + SEQ.incrementAndGet() + "-" + System.nanoTime(),
                "Dr Referral",
                Staff.PASSWORD,
                Set.of(Role.PAIN_PHYSICIAN)));
  }

  /** Signs a visit note whose plan holds these items; returns them in order. */
  private List<PlanItem> signedPlan(int daysAhead, PlanItemKind... kinds) {
    LocalDate day = practice.today(clock).plusDays(daysAhead);
    long visitId =
        book.book(
                new AppointmentBook.Booking(
                    patient.id(),
                    doctor.id(),
                    VisitKind.FOLLOW_UP,
                    LocalDateTime.of(day, LocalTime.of(9 + SEQ.incrementAndGet() % 8, 0)),
                    null),
                doctor.id())
            .id();
    List<PlanItem> items = new ArrayList<>();
    for (PlanItemKind kind : kinds) {
      items.add(
          notes.addPlanItem(
              visitId,
              doctor.id(),
              kind,
              kind == PlanItemKind.PROCEDURE ? "lumbar-mbb" : null,
              "Synthetic: " + kind.label()));
    }
    notes.sign(
        visitId,
        doctor.id(),
        new NoteDraft("HPI", "Exam", "Imaging", "Facet pain.", "", "Walk again", 50, List.of()));
    return items;
  }

  @Test
  void readsAReferralOfASignedPlanAsValidR4WithItsStatus() {
    List<PlanItem> items = signedPlan(1, PlanItemKind.SURGICAL_REFERRAL, PlanItemKind.PROCEDURE);
    String id = Long.toString(items.get(0).id());

    ServiceRequest read = fhir.read().resource(ServiceRequest.class).withId(id).execute();

    assertThat(read.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
    assertThat(read.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.PROPOSAL);
    assertThat(read.getCode().hasCoding(ServiceRequestMapper.KIND, "surgical-referral")).isTrue();
    assertThat(read.getSubject().getReference()).isEqualTo("Patient/" + patient.id());
    assertThat(read.getRequester().getReference()).isEqualTo("Practitioner/" + doctor.id());
    assertThat(
            fhir.read()
                .resource(org.hl7.fhir.r4.model.Practitioner.class)
                .withUrl(read.getRequester().getReference())
                .execute()
                .getNameFirstRep()
                .getText())
        .isEqualTo("Dr Referral");
    assertThat(read.getNoteFirstRep().getText()).contains("spine surgeon");
    assertThat(FhirValidation.errors(FhirClients.json(read))).isEmpty();

    String version = read.getIdElement().getVersionIdPart();
    assertThat(
            fhir.read()
                .resource(ServiceRequest.class)
                .withIdAndVersion(id, version)
                .execute()
                .getIdElement()
                .getVersionIdPart())
        .isEqualTo(version);
    Bundle history =
        fhir.history().onInstance("ServiceRequest/" + id).returnBundle(Bundle.class).execute();
    assertThat(history.getEntry()).hasSize(1);

    assertThatThrownBy(
            () ->
                fhir.read()
                    .resource(ServiceRequest.class)
                    .withId(Long.toString(items.get(1).id()))
                    .execute())
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void aStatusChangeMakesANewVersionAndTheOldOneIsNoLongerServed() {
    PlanItem pt = signedPlan(1, PlanItemKind.PHYSICAL_THERAPY).get(0);
    String id = Long.toString(pt.id());
    String before =
        fhir.read()
            .resource(ServiceRequest.class)
            .withId(id)
            .execute()
            .getIdElement()
            .getVersionIdPart();
    java.time.Instant now = clock.instant();
    clock.advance(java.time.Duration.ofMinutes(5));
    try {
      notes.changeItemStatus(pt.visitId(), pt.id(), doctor.id(), PlanItemStatus.ORDERED);
    } finally {
      clock.set(now);
    }

    ServiceRequest ordered = fhir.read().resource(ServiceRequest.class).withId(id).execute();
    assertThat(ordered.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.ORDER);
    assertThat(ordered.getIdElement().getVersionIdPart()).isNotEqualTo(before);
    assertThatThrownBy(
            () -> fhir.read().resource(ServiceRequest.class).withIdAndVersion(id, before).execute())
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void searchesByPatientStatusAndAuthoredDateWithPaging() {
    List<PlanItem> items =
        signedPlan(
            1,
            PlanItemKind.PHYSICAL_THERAPY,
            PlanItemKind.PSYCHOLOGY,
            PlanItemKind.MEDICATION_CHANGE,
            PlanItemKind.CASE_CONFERENCE);
    notes.changeItemStatus(
        items.get(1).visitId(), items.get(1).id(), doctor.id(), PlanItemStatus.DONE);

    Bundle all =
        fhir.search()
            .forResource(ServiceRequest.class)
            .where(ServiceRequest.PATIENT.hasId("Patient/" + patient.id()))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(all.getTotal()).isEqualTo(2);

    Bundle completed =
        fhir.search()
            .forResource(ServiceRequest.class)
            .where(ServiceRequest.SUBJECT.hasId("Patient/" + patient.id()))
            .and(ServiceRequest.STATUS.exactly().code("completed"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(completed.getEntry())
        .extracting(e -> e.getResource().getIdElement().getIdPart())
        .containsExactly(Long.toString(items.get(1).id()));

    Bundle today =
        fhir.search()
            .forResource(ServiceRequest.class)
            .where(ServiceRequest.PATIENT.hasId("Patient/" + patient.id()))
            .and(
                ServiceRequest.AUTHORED
                    .afterOrEquals()
                    .day(clock.instant().toString().substring(0, 10)))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(today.getTotal()).isEqualTo(2);
    Bundle longAgo =
        fhir.search()
            .forResource(ServiceRequest.class)
            .where(ServiceRequest.PATIENT.hasId("Patient/" + patient.id()))
            .and(ServiceRequest.AUTHORED.before().day("2001-01-01"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(longAgo.getTotal()).isZero();

    Bundle first =
        fhir.search()
            .forResource(ServiceRequest.class)
            .where(ServiceRequest.PATIENT.hasId("Patient/" + patient.id()))
            .count(1)
            .returnBundle(Bundle.class)
            .execute();
    assertThat(first.getEntry()).hasSize(1);
    assertThat(fhir.loadPage().next(first).execute().getEntry()).hasSize(1);
  }

  @Test
  void scopesAreCheckedAndReadsAreAudited() {
    PlanItem pt = signedPlan(1, PlanItemKind.PHYSICAL_THERAPY).get(0);
    String id = Long.toString(pt.id());
    IGenericClient procedureOnly = FhirClients.withScopes(port, "system/Procedure.rs");
    assertThatThrownBy(
            () -> procedureOnly.read().resource(ServiceRequest.class).withId(id).execute())
        .isInstanceOf(ForbiddenOperationException.class);
    IGenericClient readOnly = FhirClients.withScopes(port, "system/ServiceRequest.r");
    readOnly.read().resource(ServiceRequest.class).withId(id).execute();
    assertThatThrownBy(
            () ->
                readOnly
                    .search()
                    .forResource(ServiceRequest.class)
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE object_type = 'ServiceRequest'"
                        + " AND object_id = :id AND action = 'READ'")
                .param("id", id)
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void metadataListsExactlyTheServiceRequestInteractions() {
    var json = Http.json(Http.api(port).get("/fhir/metadata"));
    var interactions = new ArrayList<String>();
    var params = new ArrayList<String>();
    for (var resource : json.get("rest").get(0).get("resource")) {
      if (resource.get("type").asText().equals("ServiceRequest")) {
        resource.get("interaction").forEach(i -> interactions.add(i.get("code").asText()));
        resource.get("searchParam").forEach(p -> params.add(p.get("name").asText()));
      }
    }
    assertThat(interactions)
        .containsExactlyInAnyOrder("read", "vread", "search-type", "history-instance");
    assertThat(params).contains("patient", "subject", "status", "authored");
  }
}
