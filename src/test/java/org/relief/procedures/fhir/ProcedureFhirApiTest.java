package org.relief.procedures.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.StringClientParam;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.fhir.FhirClients;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.ChartSection;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.procedures.Imaging;
import org.relief.procedures.Injectate;
import org.relief.procedures.InjectateDrug;
import org.relief.procedures.Laterality;
import org.relief.procedures.NoteDetails;
import org.relief.procedures.PerformedProcedures;
import org.relief.procedures.ProcedureNote;
import org.relief.procedures.ProcedureNotes;
import org.relief.procedures.Sedation;
import org.relief.support.FhirValidation;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.relief.support.SyntheaSample;
import org.relief.support.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Procedures as FHIR Procedures, through HAPI's generic client. */
@ReliefIntegrationTest
class ProcedureFhirApiTest {

  private static final AtomicInteger SEQ = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired PatientRegistry registry;
  @Autowired UserAccounts accounts;
  @Autowired ProcedureNotes notes;
  @Autowired PerformedProcedures performed;
  @Autowired MutableClock clock;
  @Autowired PracticeSettings practice;
  @Autowired JdbcClient jdbc;
  @Autowired List<ChartSection> sections;

  IGenericClient fhir;
  Patient patient;
  UserAccount doctor;

  @BeforeEach
  void setUp() {
    fhir = FhirClients.full(port);
    patient = TestPatients.register(registry, "PF", Sex.FEMALE);
    doctor =
        accounts.create(
            new UserAccounts.NewUser(
                "pf-doc-" + SEQ.incrementAndGet() + "-" + System.nanoTime(),
                "Dr Fhir",
                Staff.PASSWORD,
                Set.of(Role.PAIN_PHYSICIAN)));
  }

  private LocalDate today() {
    return practice.today(clock);
  }

  /** A completed two-level left lumbar TFESI under fluoroscopy. */
  private ProcedureNote completedTfesi(LocalDate on) {
    ProcedureNote draft =
        notes.start(
            new ProcedureNotes.Start(
                patient.id(),
                "lumbar-tfesi",
                null,
                doctor.id(),
                on,
                List.of("L4–L5", "L5–S1"),
                Laterality.LEFT));
    NoteDetails details =
        new NoteDetails(
            on,
            NoteDetails.OperatorRole.PRIMARY,
            null,
            List.of("L4–L5", "L5–S1"),
            Laterality.LEFT,
            "transforaminal, subpedicular",
            Imaging.FLUOROSCOPY,
            new BigDecimal("21.5"),
            new BigDecimal("3.2"),
            "iohexol 240",
            new BigDecimal("1.5"),
            List.of(
                new Injectate(InjectateDrug.DEXAMETHASONE, new BigDecimal("10"), BigDecimal.ONE)),
            null,
            null,
            null,
            Sedation.NONE,
            null,
            Set.of(),
            null,
            7,
            3,
            null);
    ProcedureNote saved = notes.save(draft.id(), draft.version(), details);
    return notes.complete(saved.id(), saved.version(), doctor.id());
  }

  private Procedure elsewhere(String system, String code, String display) {
    Procedure p = new Procedure();
    p.setStatus(Procedure.ProcedureStatus.COMPLETED);
    p.setCode(new CodeableConcept(new Coding(system, code, display)).setText(display));
    p.setSubject(new Reference("Patient/" + patient.id()));
    p.setPerformed(
        new Period()
            .setStartElement(new DateTimeType("2024-03-01T10:00:00Z"))
            .setEndElement(new DateTimeType("2024-03-01T11:00:00Z")));
    return p;
  }

  @Test
  void readsACompletedNoteWithCptCodesLevelsAndSideAsValidR4() {
    ProcedureNote done = completedTfesi(today());

    Procedure read =
        fhir.read().resource(Procedure.class).withId(Long.toString(done.id())).execute();

    assertThat(read.getStatus()).isEqualTo(Procedure.ProcedureStatus.COMPLETED);
    assertThat(read.getSubject().getReference()).isEqualTo("Patient/" + patient.id());
    assertThat(read.getCode().getCoding())
        .extracting(Coding::getSystem, Coding::getCode)
        .contains(
            org.assertj.core.groups.Tuple.tuple(ProcedureMapper.CPT, "64483"),
            org.assertj.core.groups.Tuple.tuple(ProcedureMapper.CPT, "64484"),
            org.assertj.core.groups.Tuple.tuple(ProcedureMapper.CATALOGUE, "lumbar-tfesi"));
    assertThat(read.getBodySite().get(0).hasCoding(ProcedureMapper.SNOMED, "122496007")).isTrue();
    assertThat(read.getBodySite()).extracting(CodeableConcept::getText).contains("L4–L5", "L5–S1");
    BodyStructure site = (BodyStructure) read.getContained().get(0);
    assertThat(site.getLocationQualifierFirstRep().hasCoding(ProcedureMapper.SNOMED, "7771000"))
        .isTrue();
    assertThat(read.getPerformerFirstRep().getActor().getReference())
        .isEqualTo("Practitioner/" + doctor.id());
    assertThat(
            fhir.read()
                .resource(org.hl7.fhir.r4.model.Practitioner.class)
                .withUrl(read.getPerformerFirstRep().getActor().getReference())
                .execute()
                .getNameFirstRep()
                .getText())
        .isEqualTo("Dr Fhir");
    assertThat(read.getPerformedDateTimeType().getValueAsString()).isEqualTo(today().toString());
    assertThat(FhirValidation.errors(FhirClients.json(read))).isEmpty();

    Procedure version =
        fhir.read()
            .resource(Procedure.class)
            .withIdAndVersion(Long.toString(done.id()), "1")
            .execute();
    assertThat(version.getIdElement().getVersionIdPart()).isEqualTo("1");
    assertThatThrownBy(
            () ->
                fhir.read()
                    .resource(Procedure.class)
                    .withIdAndVersion(Long.toString(done.id()), "2")
                    .execute())
        .isInstanceOf(ResourceNotFoundException.class);
    Bundle history =
        fhir.history().onInstance("Procedure/" + done.id()).returnBundle(Bundle.class).execute();
    assertThat(history.getEntry()).hasSize(1);
  }

  @Test
  void aDraftNoteAndAnUnknownIdAreNotFound() {
    ProcedureNote draft =
        notes.start(
            new ProcedureNotes.Start(
                patient.id(),
                "lumbar-tfesi",
                null,
                doctor.id(),
                today(),
                List.of("L4–L5"),
                Laterality.LEFT));
    assertThatThrownBy(
            () -> fhir.read().resource(Procedure.class).withId(Long.toString(draft.id())).execute())
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> fhir.read().resource(Procedure.class).withId("abc").execute())
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void searchesByPatientCodeDateAndStatusWithPagingAndSortByDate() {
    ProcedureNote older = completedTfesi(today().minusDays(30));
    ProcedureNote newer = completedTfesi(today().minusDays(2));
    var pt = fhir.create().resource(elsewhere(ProcedureMapper.SNOMED, "91251008", "PT")).execute();

    Bundle all =
        fhir.search()
            .forResource(Procedure.class)
            .where(Procedure.PATIENT.hasId("Patient/" + patient.id()))
            .sort()
            .descending(Procedure.DATE)
            .returnBundle(Bundle.class)
            .execute();
    assertThat(all.getTotal()).isEqualTo(3);
    assertThat(all.getEntry())
        .extracting(e -> e.getResource().getIdElement().getIdPart())
        .containsExactly(
            Long.toString(newer.id()), Long.toString(older.id()), pt.getId().getIdPart());

    Bundle byCpt =
        fhir.search()
            .forResource(Procedure.class)
            .where(Procedure.SUBJECT.hasId("Patient/" + patient.id()))
            .and(Procedure.CODE.exactly().systemAndCode(ProcedureMapper.CPT, "64484"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(byCpt.getTotal()).isEqualTo(2);

    Bundle bySnomed =
        fhir.search()
            .forResource(Procedure.class)
            .where(Procedure.PATIENT.hasId("Patient/" + patient.id()))
            .and(Procedure.CODE.exactly().systemAndCode(ProcedureMapper.SNOMED, "91251008"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(bySnomed.getEntry()).hasSize(1);

    Bundle lastWeek =
        fhir.search()
            .forResource(Procedure.class)
            .where(Procedure.PATIENT.hasId("Patient/" + patient.id()))
            .and(Procedure.DATE.afterOrEquals().day(today().minusDays(7).toString()))
            .and(Procedure.DATE.beforeOrEquals().day(today().toString()))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(lastWeek.getEntry())
        .extracting(e -> e.getResource().getIdElement().getIdPart())
        .containsExactly(Long.toString(newer.id()));

    Bundle stopped =
        fhir.search()
            .forResource(Procedure.class)
            .where(Procedure.PATIENT.hasId("Patient/" + patient.id()))
            .and(Procedure.STATUS.exactly().code("stopped"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(stopped.getTotal()).isZero();

    Bundle first =
        fhir.search()
            .forResource(Procedure.class)
            .where(Procedure.PATIENT.hasId("Patient/" + patient.id()))
            .sort()
            .ascending(Procedure.DATE)
            .count(2)
            .returnBundle(Bundle.class)
            .execute();
    assertThat(first.getEntry()).hasSize(2);
    Bundle second = fhir.loadPage().next(first).execute();
    assertThat(second.getEntry())
        .extracting(e -> e.getResource().getIdElement().getIdPart())
        .containsExactly(Long.toString(newer.id()));

    assertThatThrownBy(
            () ->
                fhir.search()
                    .forResource(Procedure.class)
                    .where(Procedure.PATIENT.hasId("Patient/" + patient.id()))
                    .sort()
                    .ascending(new StringClientParam("code"))
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void keepsAPainRelevantProcedureDoneElsewhereAndShowsItOnTheChart() {
    var created =
        fhir.create()
            .resource(
                elsewhere(
                    ProcedureMapper.SNOMED, "52052004", "Rehabilitation therapy (regime/therapy)"))
            .execute();
    Procedure read =
        fhir.read().resource(Procedure.class).withId(created.getId().getIdPart()).execute();
    assertThat(read.getCode().getCodingFirstRep().getCode()).isEqualTo("52052004");
    assertThat(read.getMeta().getTag(ProcedureMapper.SOURCE, "elsewhere")).isNotNull();
    assertThat(read.getPerformedPeriod().getStart().toInstant())
        .isEqualTo(java.time.Instant.parse("2024-03-01T10:00:00Z"));
    assertThat(FhirValidation.errors(FhirClients.json(read))).isEmpty();

    ChartSection section =
        sections.stream().filter(s -> s instanceof ElsewhereChartSection).findFirst().orElseThrow();
    var rendered = section.render(patient.id()).orElseThrow();
    assertThat(rendered.data().get("procedures").toString())
        .contains("Rehabilitation therapy", "2024-03-01");
    assertThat(section.render(TestPatients.register(registry, "PN", Sex.MALE).id()).isPresent())
        .isFalse();
  }

  @Test
  void aProcedureThatIsNotPainRelevantIsNotKeptAndBadInputIsRefused() {
    assertThatThrownBy(
            () ->
                fhir.create()
                    .resource(elsewhere(ProcedureMapper.SNOMED, "171207006", "Depression screen"))
                    .execute())
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("not one of them");
    Procedure unknownPatient = elsewhere(ProcedureMapper.SNOMED, "91251008", "PT");
    unknownPatient.setSubject(new Reference("Patient/999999999"));
    assertThatThrownBy(() -> fhir.create().resource(unknownPatient).execute())
        .isInstanceOf(UnprocessableEntityException.class);
    Procedure future = elsewhere(ProcedureMapper.CPT, "64483", null);
    future.setPerformed(new DateTimeType("2999-01-01"));
    assertThatThrownBy(() -> fhir.create().resource(future).execute())
        .isInstanceOf(UnprocessableEntityException.class);
    assertThat(
            jdbc.sql("SELECT count(*) FROM external_procedure WHERE patient_id = ?")
                .param(patient.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aTransactionKeepsThePainRelevantProceduresAndSkipsTheRest() {
    Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (Procedure p :
        List.of(
            elsewhere(ProcedureMapper.SNOMED, "91251008", "Physical therapy procedure"),
            elsewhere(ProcedureMapper.SNOMED, "171207006", "Depression screening"),
            elsewhere(ProcedureMapper.SNOMED, "430193006", "Medication Reconciliation"))) {
      tx.addEntry().setResource(p).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Procedure");
    }
    Bundle answer = fhir.transaction().withBundle(tx).execute();
    assertThat(answer.getEntry()).hasSize(3);
    assertThat(
            jdbc.sql("SELECT count(*) FROM external_procedure WHERE patient_id = ?")
                .param(patient.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void scopesAreCheckedPerInteraction() {
    ProcedureNote done = completedTfesi(today());
    IGenericClient patientOnly = FhirClients.withScopes(port, "system/Patient.rs");
    assertThatThrownBy(
            () ->
                patientOnly
                    .read()
                    .resource(Procedure.class)
                    .withId(Long.toString(done.id()))
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
    IGenericClient readOnly = FhirClients.withScopes(port, "system/Procedure.r");
    assertThat(readOnly.read().resource(Procedure.class).withId(Long.toString(done.id())).execute())
        .isNotNull();
    assertThatThrownBy(
            () ->
                readOnly.search().forResource(Procedure.class).returnBundle(Bundle.class).execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThatThrownBy(
            () ->
                readOnly
                    .create()
                    .resource(elsewhere(ProcedureMapper.SNOMED, "91251008", "PT"))
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
  }

  @Test
  void everyReadAndSearchIsAudited() {
    ProcedureNote done = completedTfesi(today());
    fhir.read().resource(Procedure.class).withId(Long.toString(done.id())).execute();
    fhir.search()
        .forResource(Procedure.class)
        .where(Procedure.PATIENT.hasId("Patient/" + patient.id()))
        .returnBundle(Bundle.class)
        .execute();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE object_type = 'Procedure'"
                        + " AND object_id IN (:ids)")
                .param("ids", List.of(Long.toString(done.id()), "Patient/" + patient.id()))
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void metadataListsExactlyTheProcedureInteractions() {
    var json = Http.json(Http.api(port).get("/fhir/metadata"));
    var interactions = new java.util.ArrayList<String>();
    var params = new java.util.ArrayList<String>();
    for (var resource : json.get("rest").get(0).get("resource")) {
      if (resource.get("type").asText().equals("Procedure")) {
        resource.get("interaction").forEach(i -> interactions.add(i.get("code").asText()));
        resource.get("searchParam").forEach(p -> params.add(p.get("name").asText()));
      }
    }
    assertThat(interactions)
        .containsExactlyInAnyOrder("read", "vread", "create", "search-type", "history-instance");
    assertThat(params).contains("patient", "subject", "code", "date", "status");
  }

  @Test
  void aSyntheaPatientsRehabilitationTherapyLandsAsAProcedureRecordedElsewhere() throws Exception {
    // A fresh patient UUID: other tests import the same sample into the shared database.
    Bundle bundle =
        ca.uhn.fhir.context.FhirContext.forR4Cached()
            .newJsonParser()
            .parseResource(Bundle.class, SyntheaSample.freshCopy("synthetic-patient-19.json"));
    long proceduresSent =
        bundle.getEntry().stream().filter(e -> e.getResource() instanceof Procedure).count();
    Bundle answer = fhir.transaction().withBundle(bundle).execute();
    String patientId = answer.getEntryFirstRep().getResponse().getLocation().split("/")[1];

    Bundle found =
        fhir.search()
            .forResource(Procedure.class)
            .where(Procedure.PATIENT.hasId("Patient/" + patientId))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(proceduresSent).isGreaterThan(2);
    assertThat(found.getTotal()).isEqualTo(2);
    assertThat(found.getEntry())
        .allSatisfy(
            e ->
                assertThat(((Procedure) e.getResource()).getCode().getCodingFirstRep().getCode())
                    .isEqualTo("52052004"));
  }
}
