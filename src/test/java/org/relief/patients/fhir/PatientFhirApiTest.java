package org.relief.patients.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.fhir.FhirClients;
import org.relief.support.FhirValidation;
import org.relief.support.Http;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Patient over /fhir through HAPI's generic client, a real FHIR client. */
@ReliefIntegrationTest
class PatientFhirApiTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  IGenericClient fhir;

  @BeforeEach
  void client() {
    fhir = FhirClients.full(port);
  }

  static String uniqueMrn() {
    return "F" + (System.nanoTime() % 1_000_000_000L) + "-" + SEQUENCE.incrementAndGet();
  }

  static Patient patient(String mrn, String family, String given, String birthDate) {
    Patient p = new Patient();
    p.addIdentifier().setSystem(PatientMapper.MRN_SYSTEM).setValue(mrn);
    p.addName().setFamily(family).addGiven(given);
    p.setGender(AdministrativeGender.FEMALE);
    p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(birthDate));
    return p;
  }

  @Test
  void createsReadsUpdatesAndKeepsEveryVersion() {
    String mrn = uniqueMrn();
    var created = fhir.create().resource(patient(mrn, "Okafor", "Ada", "1961-04-23")).execute();
    assertThat(created.getCreated()).isTrue();
    IdType id = (IdType) created.getId();
    assertThat(id.getVersionIdPart()).isEqualTo("1");

    Patient read = fhir.read().resource(Patient.class).withId(id.getIdPart()).execute();
    assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Okafor");
    assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo(mrn.toUpperCase());
    assertThat(read.getMeta().getVersionId()).isEqualTo("1");
    assertThat(FhirValidation.errors(FhirClients.json(read))).isEmpty();

    read.getNameFirstRep().setFamily("Okafor-Brown");
    read.addTelecom()
        .setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE)
        .setValue("555-0100");
    var updated = fhir.update().resource(read).execute();
    assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");

    Patient first =
        fhir.read().resource(Patient.class).withIdAndVersion(id.getIdPart(), "1").execute();
    assertThat(first.getNameFirstRep().getFamily()).isEqualTo("Okafor");
    Patient second =
        fhir.read().resource(Patient.class).withIdAndVersion(id.getIdPart(), "2").execute();
    assertThat(second.getNameFirstRep().getFamily()).isEqualTo("Okafor-Brown");
    assertThat(second.getTelecomFirstRep().getValue()).isEqualTo("555-0100");

    Bundle history =
        fhir.history()
            .onInstance(id.toUnqualifiedVersionless())
            .returnBundle(Bundle.class)
            .execute();
    assertThat(history.getEntry())
        .extracting(e -> e.getResource().getMeta().getVersionId())
        .containsExactly("2", "1");
  }

  @Test
  void updateWithAStaleVersionIsRefusedWith412AndChangesNothing() {
    var created =
        fhir.create().resource(patient(uniqueMrn(), "Stale", "Sam", "1970-01-01")).execute();
    Patient read =
        fhir.read().resource(Patient.class).withId(created.getId().getIdPart()).execute();
    read.getNameFirstRep().setFamily("Newer");
    fhir.update().resource(read).execute();

    read.getNameFirstRep().setFamily("Lost");
    read.getMeta().setVersionId("1");
    read.setId(read.getIdElement().withVersion("1"));
    assertThatThrownBy(() -> fhir.update().resource(read).withId(read.getIdElement()).execute())
        .isInstanceOf(PreconditionFailedException.class);
    Patient now = fhir.read().resource(Patient.class).withId(created.getId().getIdPart()).execute();
    assertThat(now.getNameFirstRep().getFamily()).isEqualTo("Newer");
  }

  @Test
  void conditionalCreateWithTheSameIdentifierIsIdempotent() {
    String mrn = uniqueMrn();
    String condition = "identifier=" + PatientMapper.MRN_SYSTEM + "|" + mrn;
    var first =
        fhir.create()
            .resource(patient(mrn, "Once", "Only", "1980-02-02"))
            .conditionalByUrl("Patient?" + condition)
            .execute();
    var second =
        fhir.create()
            .resource(patient(mrn, "Once", "Only", "1980-02-02"))
            .conditionalByUrl("Patient?" + condition)
            .execute();
    assertThat(first.getCreated()).isTrue();
    assertThat(second.getCreated()).isNotEqualTo(Boolean.TRUE);
    assertThat(second.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
    assertThat(
            jdbc.sql("SELECT count(*) FROM patient WHERE mrn = :mrn")
                .param("mrn", mrn.toUpperCase())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void searchesByIdentifierNameAndBirthDate() {
    String mrn = uniqueMrn();
    String family = "Zyxwort" + SEQUENCE.incrementAndGet();
    var created = fhir.create().resource(patient(mrn, family, "Ines", "1955-07-09")).execute();
    String id = created.getId().getIdPart();

    Bundle byIdentifier =
        fhir.search()
            .forResource(Patient.class)
            .where(Patient.IDENTIFIER.exactly().systemAndCode(PatientMapper.MRN_SYSTEM, mrn))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(ids(byIdentifier)).containsExactly(id);

    Bundle byName =
        fhir.search()
            .forResource(Patient.class)
            .where(Patient.NAME.matches().value(family.substring(0, 6)))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(ids(byName)).contains(id);

    Bundle byBirthDate =
        fhir.search()
            .forResource(Patient.class)
            .where(Patient.BIRTHDATE.exactly().day("1955-07-09"))
            .and(Patient.NAME.matches().value(family))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(ids(byBirthDate)).containsExactly(id);

    Bundle wrongYear =
        fhir.search()
            .forResource(Patient.class)
            .where(Patient.BIRTHDATE.afterOrEquals().day("1956-01-01"))
            .and(Patient.NAME.matches().value(family))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(wrongYear.getEntry()).isEmpty();

    Bundle otherSystem =
        fhir.search()
            .forResource(Patient.class)
            .where(Patient.IDENTIFIER.exactly().systemAndCode("http://elsewhere.example", mrn))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(otherSystem.getEntry()).isEmpty();
  }

  @Test
  void searchResultsArePagedWithNextLinks() {
    String family = "Pagewell" + SEQUENCE.incrementAndGet();
    List<String> createdIds = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      createdIds.add(
          fhir.create()
              .resource(patient(uniqueMrn(), family, "P" + i, "1990-01-0" + (i + 1)))
              .execute()
              .getId()
              .getIdPart());
    }
    Bundle page =
        fhir.search()
            .forResource(Patient.class)
            .where(Patient.NAME.matches().value(family))
            .count(2)
            .returnBundle(Bundle.class)
            .execute();
    assertThat(page.getTotal()).isEqualTo(5);
    List<String> seen = new ArrayList<>(ids(page));
    int pages = 1;
    while (page.getLink(Bundle.LINK_NEXT) != null) {
      page = fhir.loadPage().next(page).execute();
      seen.addAll(ids(page));
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(createdIds);
  }

  @Test
  void aPatientWithoutBirthDateIsRefusedWith422AndAnOperationOutcome() {
    Patient p = patient(uniqueMrn(), "Nobirth", "Nia", "1970-01-01");
    p.setBirthDate(null);
    assertThatThrownBy(() -> fhir.create().resource(p).execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e -> {
              var outcome = (OperationOutcome) e.getOperationOutcome();
              assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
                  .isEqualTo("missing-birth-date");
              assertThat(FhirValidation.errors(FhirClients.json(outcome))).isEmpty();
            });
  }

  @Test
  void aSecondPatientWithTheSameMrnIsAConflict() {
    String mrn = uniqueMrn();
    fhir.create().resource(patient(mrn, "First", "Fay", "1970-01-01")).execute();
    assertThatThrownBy(
            () -> fhir.create().resource(patient(mrn, "Second", "Sid", "1971-01-01")).execute())
        .isInstanceOf(ResourceVersionConflictException.class);
  }

  @Test
  void anUnknownPatientIs404() {
    assertThatThrownBy(() -> fhir.read().resource(Patient.class).withId("999999999").execute())
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> fhir.read().resource(Patient.class).withId("abc").execute())
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void aReadAndSearchOnlyTokenCannotCreateOrUpdatePatients() {
    var created =
        fhir.create().resource(patient(uniqueMrn(), "Scoped", "Sue", "1970-01-01")).execute();
    IGenericClient reader = FhirClients.withScopes(port, "system/Patient.rs");
    Patient read =
        reader.read().resource(Patient.class).withId(created.getId().getIdPart()).execute();
    assertThatThrownBy(
            () ->
                reader
                    .create()
                    .resource(patient(uniqueMrn(), "Not", "Allowed", "1970-01-01"))
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
    read.getNameFirstRep().setFamily("Changed");
    assertThatThrownBy(() -> reader.update().resource(read).execute())
        .isInstanceOf(ForbiddenOperationException.class);
    IGenericClient creator = FhirClients.withScopes(port, "system/Patient.c");
    assertThatThrownBy(
            () ->
                creator
                    .read()
                    .resource(Patient.class)
                    .withId(created.getId().getIdPart())
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
  }

  @Test
  void everyReadIsAudited() {
    var created =
        fhir.create().resource(patient(uniqueMrn(), "Audited", "Ann", "1970-01-01")).execute();
    String id = created.getId().getIdPart();
    fhir.read().resource(Patient.class).withId(id).execute();
    assertThat(
            jdbc.sql(
                    "SELECT action FROM audit_event WHERE object_type = 'Patient' AND object_id = :id"
                        + " ORDER BY id")
                .param("id", id)
                .query(String.class)
                .list())
        .containsSubsequence("CREATE", "READ");
  }

  @Test
  void metadataIsOpenAndListsThePatientInteractions() {
    var response = Http.api(port).get("/fhir/metadata");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(FhirValidation.errors(response.body())).isEmpty();
    var json = Http.json(response);
    var patient = new ArrayList<String>();
    var params = new ArrayList<String>();
    for (var resource : json.get("rest").get(0).get("resource")) {
      if (resource.get("type").asText().equals("Patient")) {
        resource.get("interaction").forEach(i -> patient.add(i.get("code").asText()));
        resource.get("searchParam").forEach(p -> params.add(p.get("name").asText()));
      }
    }
    assertThat(patient)
        .containsExactlyInAnyOrder(
            "read", "vread", "create", "update", "search-type", "history-instance");
    assertThat(params).contains("_id", "identifier", "name", "birthdate");
  }

  private static List<String> ids(Bundle bundle) {
    return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
  }
}
