package org.relief.assessments.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.relief.assessments.fhir.ObservationFhirApiTest.nrs;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.fhir.FhirClients;
import org.relief.identity.api.ApiClients;
import org.relief.support.FhirValidation;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Correcting a pain score through FHIR update, and reading its versions back (decision 0077). */
@ReliefIntegrationTest
class ObservationVersionsFhirApiTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired ApiClients apiClients;

  IGenericClient fhir;
  String patientId;
  Instant start;

  @BeforeEach
  void patient() {
    start = clock.instant();
    fhir = FhirClients.full(port);
    patientId = newPatient();
  }

  @AfterEach
  void resetClock() {
    clock.set(start);
  }

  private String newPatient() {
    Patient p = new Patient();
    p.addIdentifier()
        .setSystem("https://relief.health/fhir/sid/mrn")
        .setValue("OBV" + (System.nanoTime() % 100_000_000L) + "-" + SEQUENCE.incrementAndGet());
    p.addName().setFamily("Versioned").addGiven("Val");
    p.setGender(AdministrativeGender.FEMALE);
    p.setBirthDateElement(new DateType("1970-03-03"));
    return fhir.create().resource(p).execute().getId().getIdPart();
  }

  private Observation created(int value) {
    String id =
        fhir.create()
            .resource(nrs(patientId, value, "2026-01-05T10:00:00Z"))
            .execute()
            .getId()
            .getIdPart();
    return fhir.read().resource(Observation.class).withId(id).execute();
  }

  private static Observation corrected(Observation o, int value, ObservationStatus status) {
    o.setStatus(status);
    o.setValue(new Quantity().setValue(value).setUnit("{score}"));
    return o;
  }

  private static void valid(org.hl7.fhir.instance.model.api.IBaseResource resource) {
    assertThat(FhirValidation.errors(FhirClients.json(resource))).isEmpty();
  }

  private static String codeOf(UnprocessableEntityException e) {
    return ((OperationOutcome) e.getOperationOutcome())
        .getIssueFirstRep()
        .getDetails()
        .getCodingFirstRep()
        .getCode();
  }

  @Test
  void correctingAPainScoreMakesANewVersionAndKeepsTheOldOneReadable() {
    Observation first = created(7);
    String id = first.getIdElement().getIdPart();
    assertThat(first.getMeta().getVersionId()).isEqualTo("1");
    assertThat(first.getMeta().getLastUpdated()).isNotNull();

    Instant correctedAt =
        clock.instant().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
    clock.set(correctedAt);
    Observation change = corrected(first, 5, ObservationStatus.AMENDED);
    change.setEffective(new org.hl7.fhir.r4.model.DateTimeType("2026-01-05T11:00:00Z"));
    var outcome = fhir.update().resource(change).execute();
    assertThat(outcome.getId().getVersionIdPart()).isEqualTo("2");
    valid(outcome.getResource());

    Observation now = fhir.read().resource(Observation.class).withId(id).execute();
    assertThat(now.getMeta().getVersionId()).isEqualTo("2");
    assertThat(now.getMeta().getLastUpdated().toInstant()).isEqualTo(correctedAt);
    assertThat(now.getStatus()).isEqualTo(ObservationStatus.AMENDED);
    assertThat(now.getValueQuantity().getValue().intValue()).isEqualTo(5);
    assertThat(now.getEffectiveDateTimeType().getValue().toInstant())
        .isEqualTo(Instant.parse("2026-01-05T11:00:00Z"));
    valid(now);

    Observation v1 = fhir.read().resource(Observation.class).withIdAndVersion(id, "1").execute();
    assertThat(v1.getMeta().getVersionId()).isEqualTo("1");
    assertThat(v1.getStatus()).isEqualTo(ObservationStatus.FINAL);
    assertThat(v1.getValueQuantity().getValue().intValue()).isEqualTo(7);
    assertThat(v1.getEffectiveDateTimeType().getValue().toInstant())
        .isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
    valid(v1);
    Observation v2 = fhir.read().resource(Observation.class).withIdAndVersion(id, "2").execute();
    assertThat(v2.getValueQuantity().getValue().intValue()).isEqualTo(5);
    valid(v2);
    assertThatThrownBy(
            () -> fhir.read().resource(Observation.class).withIdAndVersion(id, "3").execute())
        .isInstanceOf(ResourceNotFoundException.class);

    clock.advance(Duration.ofMinutes(5));
    fhir.update().resource(corrected(now, 4, ObservationStatus.CORRECTED)).execute();
    Bundle history =
        fhir.history()
            .onInstance(new IdType("Observation", id))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(history.getEntry())
        .extracting(e -> e.getResource().getMeta().getVersionId())
        .containsExactly("3", "2", "1");
    assertThat(history.getEntry())
        .extracting(e -> ((Observation) e.getResource()).getValueQuantity().getValue().intValue())
        .containsExactly(4, 5, 7);
    valid(history);

    Bundle amended =
        fhir.search()
            .forResource(Observation.class)
            .where(Observation.PATIENT.hasId("Patient/" + patientId))
            .and(Observation.STATUS.exactly().code("corrected"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(amended.getEntry()).hasSize(1);
    Bundle finals =
        fhir.search()
            .forResource(Observation.class)
            .where(Observation.PATIENT.hasId("Patient/" + patientId))
            .and(Observation.STATUS.exactly().code("final"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(finals.getEntry()).isEmpty();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE object_type = 'Observation'"
                        + " AND object_id = :id AND action = 'UPDATE' AND outcome = 'SUCCESS'")
                .param("id", id)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void aStaleIfMatchIsRefusedWith412AndChangesNothing() {
    Observation read = created(6);
    String id = read.getIdElement().getIdPart();
    fhir.update().resource(corrected(read.copy(), 5, ObservationStatus.AMENDED)).execute();

    Observation stale = corrected(read, 2, ObservationStatus.AMENDED);
    stale.setId(stale.getIdElement().withVersion("1"));
    assertThatThrownBy(() -> fhir.update().resource(stale).withId(stale.getIdElement()).execute())
        .isInstanceOf(PreconditionFailedException.class);
    Observation now = fhir.read().resource(Observation.class).withId(id).execute();
    assertThat(now.getMeta().getVersionId()).isEqualTo("2");
    assertThat(now.getValueQuantity().getValue().intValue()).isEqualTo(5);
  }

  @Test
  void anInstrumentTotalScoredFromAnswersCannotBeUpdated() {
    long odi =
        jdbc.sql(
                "INSERT INTO questionnaire_response (patient_id, instrument, instrument_version,"
                    + " scored_at, score, band, subscores, answered) VALUES (:p, 'odi', '2.1a',"
                    + " :at, 32.0, 'moderate', '{}', 10) RETURNING id")
            .param("p", Long.parseLong(patientId))
            .param("at", Timestamp.from(Instant.parse("2026-01-03T09:00:00Z")))
            .query(Long.class)
            .single();
    Observation read = fhir.read().resource(Observation.class).withId(Long.toString(odi)).execute();
    read.setStatus(ObservationStatus.AMENDED);
    read.getValueQuantity().setValue(20);
    assertThatThrownBy(() -> fhir.update().resource(read).execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e -> {
              assertThat(codeOf(e)).isEqualTo("scored-from-answers");
              assertThat(e.getMessage()).contains("submit a new QuestionnaireResponse");
            });
    Observation now = fhir.read().resource(Observation.class).withId(Long.toString(odi)).execute();
    assertThat(now.getMeta().getVersionId()).isEqualTo("1");
    assertThat(now.getValueQuantity().getValue().doubleValue()).isEqualTo(32.0);
  }

  @Test
  void aPainScoreScoredFromAQuestionnaireResponseCannotBeUpdated() {
    var sheet =
        fhir.create()
            .resource(
                QuestionnaireFhirApiTest.response(
                    "nrs",
                    Long.parseLong(patientId),
                    QuestionnaireResponseStatus.COMPLETED,
                    Map.of("1", 6)))
            .execute();
    long scored =
        jdbc.sql("SELECT scored_response_id FROM answer_sheet WHERE id = :id")
            .param("id", Long.parseLong(sheet.getId().getIdPart()))
            .query(Long.class)
            .single();
    Observation read =
        fhir.read().resource(Observation.class).withId(Long.toString(scored)).execute();
    assertThatThrownBy(
            () -> fhir.update().resource(corrected(read, 2, ObservationStatus.AMENDED)).execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e -> assertThat(codeOf(e)).isEqualTo("scored-from-answers"));
  }

  @Test
  void movingAPainScoreToAnotherPatientOrBadCorrectionsAreRefusedWith422() {
    Observation read = created(3);
    String id = read.getIdElement().getIdPart();
    String other = newPatient();

    Observation moved = corrected(read.copy(), 3, ObservationStatus.AMENDED);
    moved.setSubject(new Reference("Patient/" + other));
    assertThatThrownBy(() -> fhir.update().resource(moved).execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e -> assertThat(codeOf(e)).isEqualTo("observation-subject-changed"));

    Observation stillFinal = corrected(read.copy(), 4, ObservationStatus.FINAL);
    assertThatThrownBy(() -> fhir.update().resource(stillFinal).execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e -> assertThat(codeOf(e)).isEqualTo("observation-status"));

    Observation eleven = corrected(read.copy(), 11, ObservationStatus.CORRECTED);
    assertThatThrownBy(() -> fhir.update().resource(eleven).execute())
        .isInstanceOf(UnprocessableEntityException.class);

    Observation now = fhir.read().resource(Observation.class).withId(id).execute();
    assertThat(now.getMeta().getVersionId()).isEqualTo("1");
    assertThat(now.getValueQuantity().getValue().intValue()).isEqualTo(3);
    assertThat(now.getSubject().getReference()).isEqualTo("Patient/" + patientId);
  }

  @Test
  void updatingAnUnknownObservationIs404() {
    Observation ghost =
        corrected(nrs(patientId, 3, "2026-01-05T10:00:00Z"), 3, ObservationStatus.AMENDED);
    ghost.setId("Observation/999999999");
    assertThatThrownBy(() -> fhir.update().resource(ghost).execute())
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void updateNeedsTheUpdateScopeAndStaysInsideTheTokensPatient() {
    Observation read = created(8);
    String id = read.getIdElement().getIdPart();
    IGenericClient readOnly = FhirClients.withScopes(port, "system/Observation.rs");
    Observation change = corrected(read.copy(), 6, ObservationStatus.AMENDED);
    assertThatThrownBy(() -> readOnly.update().resource(change).execute())
        .isInstanceOf(ForbiddenOperationException.class);
    readOnly.read().resource(Observation.class).withIdAndVersion(id, "1").execute();
    readOnly
        .history()
        .onInstance(new IdType("Observation", id))
        .returnBundle(Bundle.class)
        .execute();

    IGenericClient patientOnly = FhirClients.withScopes(port, "system/Patient.rs");
    assertThatThrownBy(
            () ->
                patientOnly.read().resource(Observation.class).withIdAndVersion(id, "1").execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThatThrownBy(
            () ->
                patientOnly
                    .history()
                    .onInstance(new IdType("Observation", id))
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);

    IGenericClient otherPatientsApp =
        patientApp(Long.parseLong(newPatient()), "patient/Observation.rus");
    assertThatThrownBy(() -> otherPatientsApp.update().resource(change).execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThatThrownBy(
            () ->
                otherPatientsApp
                    .history()
                    .onInstance(new IdType("Observation", id))
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);

    IGenericClient ownApp = patientApp(Long.parseLong(patientId), "patient/Observation.rus");
    var updated = ownApp.update().resource(change).execute();
    assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");
  }

  @Test
  void metadataListsExactlyTheObservationInteractions() {
    var json = Http.json(Http.api(port).get("/fhir/metadata"));
    List<String> interactions = new ArrayList<>();
    for (var resource : json.get("rest").get(0).get("resource")) {
      if ("Observation".equals(resource.get("type").asText())) {
        resource.get("interaction").forEach(i -> interactions.add(i.get("code").asText()));
      }
    }
    assertThat(interactions)
        .containsExactlyInAnyOrder(
            "read", "vread", "create", "update", "search-type", "history-instance");
  }

  private IGenericClient patientApp(long patient, String scopes) {
    String client = "obs-app-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
    String secret = "obs-app-secret-123456";
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
                    Long.toString(patient)),
                "Authorization",
                Http.basic(client, secret));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    IGenericClient app = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
    app.registerInterceptor(
        new BearerTokenAuthInterceptor(Http.json(response).get("access_token").asText()));
    return app;
  }
}
