package org.relief.identity.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.fhir.FhirClients;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.support.FhirValidation;
import org.relief.support.Http;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Clinicians as FHIR Practitioners and the practice as an Organization, through HAPI's client. */
@ReliefIntegrationTest
class PractitionerFhirApiTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired PracticeSettings practice;
  @Autowired JdbcClient jdbc;

  IGenericClient fhir;
  String unique;

  @BeforeEach
  void setUp() {
    fhir = FhirClients.full(port);
    unique = Long.toString(System.nanoTime(), 36);
  }

  private UserAccount account(String name, Role role) {
    return accounts.create(
        new UserAccounts.NewUser(
            "fp-" + unique + "-" + role.name().toLowerCase().replace('_', '-'),
            name,
            Staff.PASSWORD,
            Set.of(role)));
  }

  @Test
  void readsAPhysicianAsValidR4WithoutTheSignInName() {
    UserAccount doctor = account("Dr Quill " + unique, Role.PAIN_PHYSICIAN);
    Practitioner read =
        fhir.read().resource(Practitioner.class).withId(Long.toString(doctor.id())).execute();
    assertThat(read.getNameFirstRep().getText()).isEqualTo("Dr Quill " + unique);
    assertThat(read.getActive()).isTrue();
    assertThat(
            read.getQualificationFirstRep()
                .getCode()
                .hasCoding(PractitionerMapper.ROLES, "pain-physician"))
        .isTrue();
    assertThat(FhirClients.json(read)).doesNotContain(doctor.username());
    assertThat(FhirValidation.errors(FhirClients.json(read))).isEmpty();
  }

  @Test
  void staffWithoutAClinicalRoleAreNotPractitioners() {
    UserAccount desk = account("Desk " + unique, Role.FRONT_DESK);
    assertThatThrownBy(
            () ->
                fhir.read().resource(Practitioner.class).withId(Long.toString(desk.id())).execute())
        .isInstanceOf(ResourceNotFoundException.class);
    Bundle byName =
        fhir.search()
            .forResource(Practitioner.class)
            .where(Practitioner.NAME.matches().value(unique))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(byName.getTotal()).isZero();
  }

  @Test
  void searchesByNameAndIdentifierWithPaging() {
    UserAccount surgeon = account("Dr Blade " + unique, Role.SURGEON);
    UserAccount nurse = account("Nurse Blade " + unique, Role.NURSE);
    Bundle byName =
        fhir.search()
            .forResource(Practitioner.class)
            .where(Practitioner.NAME.matches().value("blade " + unique))
            .count(1)
            .returnBundle(Bundle.class)
            .execute();
    assertThat(byName.getTotal()).isEqualTo(2);
    assertThat(byName.getEntry()).hasSize(1);
    assertNextPage(byName, surgeon, nurse);

    Bundle byIdentifier =
        fhir.search()
            .forResource(Practitioner.class)
            .where(
                Practitioner.IDENTIFIER
                    .exactly()
                    .systemAndIdentifier(PractitionerMapper.STAFF, Long.toString(nurse.id())))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(byIdentifier.getEntry())
        .extracting(e -> e.getResource().getIdElement().getIdPart())
        .containsExactly(Long.toString(nurse.id()));
  }

  private void assertNextPage(Bundle first, UserAccount surgeon, UserAccount nurse) {
    Bundle second = fhir.loadPage().next(first).execute();
    List<String> ids = new ArrayList<>();
    first.getEntry().forEach(e -> ids.add(e.getResource().getIdElement().getIdPart()));
    second.getEntry().forEach(e -> ids.add(e.getResource().getIdElement().getIdPart()));
    assertThat(ids).containsExactly(Long.toString(surgeon.id()), Long.toString(nurse.id()));
  }

  @Test
  void thePracticeIsTheOneOrganizationFoundByNameAndIdentifier() {
    Organization read = fhir.read().resource(Organization.class).withId("practice").execute();
    assertThat(read.getName()).isEqualTo(practice.name());
    assertThat(FhirValidation.errors(FhirClients.json(read))).isEmpty();
    Bundle byName =
        fhir.search()
            .forResource(Organization.class)
            .where(Organization.NAME.matches().value(practice.name().substring(0, 4)))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(byName.getEntry()).hasSize(1);
    Bundle other =
        fhir.search()
            .forResource(Organization.class)
            .where(Organization.IDENTIFIER.exactly().identifier("acme-hospital"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(other.getEntry()).isEmpty();
    assertThatThrownBy(() -> fhir.read().resource(Organization.class).withId("1").execute())
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void scopesAreCheckedAndAccessIsAudited() {
    UserAccount doctor = account("Dr Scope " + unique, Role.PAIN_PHYSICIAN);
    String id = Long.toString(doctor.id());
    IGenericClient patientOnly = FhirClients.withScopes(port, "system/Patient.rs");
    assertThatThrownBy(() -> patientOnly.read().resource(Practitioner.class).withId(id).execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThatThrownBy(
            () -> patientOnly.read().resource(Organization.class).withId("practice").execute())
        .isInstanceOf(ForbiddenOperationException.class);
    IGenericClient readOnly = FhirClients.withScopes(port, "system/Practitioner.r");
    readOnly.read().resource(Practitioner.class).withId(id).execute();
    assertThatThrownBy(
            () ->
                readOnly
                    .search()
                    .forResource(Practitioner.class)
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE object_type = 'Practitioner'"
                        + " AND object_id = :id AND action = 'READ'")
                .param("id", id)
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void metadataListsExactlyThePractitionerAndOrganizationInteractions() {
    var json = Http.json(Http.api(port).get("/fhir/metadata"));
    for (String type : List.of("Practitioner", "Organization")) {
      var interactions = new ArrayList<String>();
      var params = new ArrayList<String>();
      for (var resource : json.get("rest").get(0).get("resource")) {
        if (resource.get("type").asText().equals(type)) {
          resource.get("interaction").forEach(i -> interactions.add(i.get("code").asText()));
          resource.get("searchParam").forEach(p -> params.add(p.get("name").asText()));
        }
      }
      assertThat(interactions).containsExactlyInAnyOrder("read", "search-type");
      assertThat(params).contains("name", "identifier");
    }
  }
}
