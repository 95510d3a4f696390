package org.relief.assessments.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.assessments.Instruments;
import org.relief.assessments.PatientQuestionnaires;
import org.relief.fhir.FhirClients;
import org.relief.identity.api.ApiClients;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.support.FhirValidation;
import org.relief.support.Http;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Relief's instruments as FHIR Questionnaires and patients' answers as QuestionnaireResponses. */
@ReliefIntegrationTest
class QuestionnaireFhirApiTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String CANONICAL = "https://relief.health/fhir/Questionnaire/";
  private static final String LOINC = "http://loinc.org";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired PatientRegistry registry;
  @Autowired Instruments instruments;
  @Autowired ApiClients apiClients;
  @Autowired PatientQuestionnaires patientQuestionnaires;

  IGenericClient fhir;
  long patientId;

  @BeforeEach
  void patient() {
    fhir = FhirClients.full(port);
    patientId = TestPatients.register(registry, "QR", Sex.FEMALE).id();
  }

  static QuestionnaireResponse response(
      String instrument, long patient, QuestionnaireResponseStatus status, Map<String, ?> answers) {
    QuestionnaireResponse r = new QuestionnaireResponse();
    r.setQuestionnaire(CANONICAL + instrument);
    r.setStatus(status);
    r.setSubject(new Reference("Patient/" + patient));
    r.setAuthoredElement(new DateTimeType("2026-02-03T10:15:00Z"));
    answers.forEach(
        (key, value) -> {
          var item = r.addItem().setLinkId(key);
          if (value instanceof Integer i) {
            item.addAnswer().setValue(new IntegerType(i));
          } else if (value instanceof org.hl7.fhir.r4.model.Type t) {
            item.addAnswer().setValue(t);
          }
        });
    return r;
  }

  static Map<String, Integer> phq9(int... values) {
    Map<String, Integer> answers = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      answers.put(Integer.toString(i + 1), values[i]);
    }
    return answers;
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE patient_id = :p")
        .param("p", patientId)
        .query(Long.class)
        .single();
  }

  private static String ruleCode(BaseServerResponseException e) {
    return ((OperationOutcome) e.getOperationOutcome())
        .getIssueFirstRep()
        .getDetails()
        .getCodingFirstRep()
        .getCode();
  }

  private static String diagnostics(BaseServerResponseException e) {
    return ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getDiagnostics();
  }

  @Test
  void everyInstrumentIsAValidQuestionnaireWithCanonicalUrlLoincCodesAndAnswerOptions() {
    Bundle all =
        fhir.search()
            .forResource(Questionnaire.class)
            .count(100)
            .returnBundle(Bundle.class)
            .execute();
    assertThat(all.getTotal()).isEqualTo(instruments.definitions().size());
    List<Questionnaire> found =
        all.getEntry().stream().map(e -> (Questionnaire) e.getResource()).toList();
    assertThat(found)
        .extracting(Questionnaire::getUrl)
        .contains(CANONICAL + "nrs", CANONICAL + "odi", CANONICAL + "phq9", CANONICAL + "gad7");
    for (Questionnaire q : found) {
      assertThat(FhirValidation.errors(FhirClients.json(q))).as(q.getUrl()).isEmpty();
    }
    Questionnaire phq9 =
        found.stream().filter(q -> q.getUrl().equals(CANONICAL + "phq9")).findFirst().orElseThrow();
    assertThat(phq9.getCode()).extracting(Coding::getCode).containsExactly("44249-1");
    var item9 = phq9.getItem().get(8);
    assertThat(item9.getLinkId()).isEqualTo("9");
    assertThat(item9.getCodeFirstRep().getSystem()).isEqualTo(LOINC);
    assertThat(item9.getCodeFirstRep().getCode()).isEqualTo("44260-8");
    assertThat(item9.getAnswerOption())
        .extracting(o -> o.getValueIntegerType().getValue())
        .containsExactly(0, 1, 2, 3);
    Questionnaire nrs =
        found.stream().filter(q -> q.getUrl().equals(CANONICAL + "nrs")).findFirst().orElseThrow();
    assertThat(nrs.getItemFirstRep().getRequired()).isTrue();
    assertThat(nrs.getItemFirstRep().getCodeFirstRep().getCode()).isEqualTo("72514-3");
    assertThat(nrs.getItemFirstRep().getAnswerOption()).hasSize(11);
  }

  @Test
  void questionnairesAreReadByIdAndVersionAndFoundByUrlNameTitleAndStatus() {
    Questionnaire odi = fhir.read().resource(Questionnaire.class).withId("odi").execute();
    assertThat(odi.getUrl()).isEqualTo(CANONICAL + "odi");
    assertThat(odi.getStatus().toCode()).isEqualTo("active");
    assertThat(
            fhir.read()
                .resource(Questionnaire.class)
                .withIdAndVersion("odi", "1")
                .execute()
                .getUrl())
        .isEqualTo(CANONICAL + "odi");
    assertThatThrownBy(
            () -> fhir.read().resource(Questionnaire.class).withIdAndVersion("odi", "2").execute())
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> fhir.read().resource(Questionnaire.class).withId("sf36").execute())
        .isInstanceOf(ResourceNotFoundException.class);

    assertThat(ids(search("url=" + CANONICAL + "gad7"))).containsExactly("gad7");
    assertThat(ids(search("name=PHQ9"))).containsExactly("phq9");
    assertThat(ids(search("title=oswestry"))).containsExactly("odi");
    assertThat(ids(search("_id=nrs,peg"))).containsExactlyInAnyOrder("nrs", "peg");
    assertThat(search("status=active").getTotal()).isEqualTo(instruments.definitions().size());
    assertThat(search("status=retired").getTotal()).isZero();
    Bundle first = search("_count=4");
    assertThat(first.getEntry()).hasSize(4);
    Bundle next = fhir.loadPage().next(first).execute();
    assertThat(ids(next)).hasSize(4).doesNotContainAnyElementsOf(ids(first));
  }

  private Bundle search(String query) {
    return fhir.search().byUrl("Questionnaire?" + query).returnBundle(Bundle.class).execute();
  }

  @Test
  void questionnairesCannotBeCreatedOrChangedThroughTheApi() {
    Questionnaire mine = new Questionnaire();
    mine.setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.DRAFT);
    mine.setUrl("https://example.org/q");
    var token =
        Http.api(port)
            .token(
                org.relief.support.TestAccounts.CLIENT_ID,
                org.relief.support.TestAccounts.CLIENT_SECRET,
                null);
    String json = FHIR.newJsonParser().encodeResourceToString(mine);
    var posted =
        Http.api(port)
            .postJson(
                "/fhir/Questionnaire",
                json,
                "Authorization",
                "Bearer " + token,
                "Content-Type",
                "application/fhir+json");
    assertThat(posted.statusCode()).isEqualTo(405);
    assertThat(posted.body()).contains("OperationOutcome");
    Questionnaire phq9 = fhir.read().resource(Questionnaire.class).withId("phq9").execute();
    phq9.setTitle("Changed");
    assertThatThrownBy(() -> fhir.update().resource(phq9).execute())
        .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException.class);
    assertThat(fhir.read().resource(Questionnaire.class).withId("phq9").execute().getTitle())
        .isEqualTo("Patient Health Questionnaire-9");
    assertThat(count("answer_sheet")).isZero();
  }

  @Test
  void aCompletedResponseIsScoredAndItsObservationIsFoundByLoincCode() {
    var created =
        fhir.create()
            .resource(
                response(
                    "phq9",
                    patientId,
                    QuestionnaireResponseStatus.COMPLETED,
                    phq9(1, 2, 3, 1, 0, 2, 1, 1, 0)))
            .execute();
    assertThat(created.getCreated()).isTrue();
    String id = created.getId().getIdPart();

    QuestionnaireResponse read =
        fhir.read().resource(QuestionnaireResponse.class).withId(id).execute();
    assertThat(read.getStatus()).isEqualTo(QuestionnaireResponseStatus.COMPLETED);
    assertThat(read.getQuestionnaire()).startsWith(CANONICAL + "phq9|");
    assertThat(read.getSubject().getReference()).isEqualTo("Patient/" + patientId);
    assertThat(read.getItem()).hasSize(9);
    assertThat(read.getItem().get(2).getAnswerFirstRep().getValueIntegerType().getValue())
        .isEqualTo(3);
    assertThat(FhirValidation.errors(FhirClients.json(read))).isEmpty();
    assertThat(
            fhir.read()
                .resource(QuestionnaireResponse.class)
                .withIdAndVersion(id, "1")
                .execute()
                .getIdElement()
                .getIdPart())
        .isEqualTo(id);
    Bundle history =
        fhir.history()
            .onInstance(new IdType("QuestionnaireResponse", id))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(history.getEntry()).hasSize(1);

    Bundle scores =
        fhir.search()
            .forResource(Observation.class)
            .where(Observation.PATIENT.hasId("Patient/" + patientId))
            .and(Observation.CODE.exactly().systemAndCode(LOINC, "44261-6"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(scores.getEntry()).hasSize(1);
    Observation total = (Observation) scores.getEntryFirstRep().getResource();
    assertThat(total.getValueQuantity().getValue().intValue()).isEqualTo(11);
    assertThat(total.getInterpretationFirstRep().getText()).isEqualTo("moderate");
    assertThat(total.getEffectiveDateTimeType().getValueAsString()).startsWith("2026-02-03");
    assertThat(FhirValidation.errors(FhirClients.json(total))).isEmpty();
  }

  @Test
  void anInProgressResponseIsKeptWithoutAScore() {
    var created =
        fhir.create()
            .resource(
                response("odi", patientId, QuestionnaireResponseStatus.INPROGRESS, Map.of("1", 2)))
            .execute();
    QuestionnaireResponse read =
        fhir.read()
            .resource(QuestionnaireResponse.class)
            .withId(created.getId().getIdPart())
            .execute();
    assertThat(read.getStatus()).isEqualTo(QuestionnaireResponseStatus.INPROGRESS);
    assertThat(FhirValidation.errors(FhirClients.json(read))).isEmpty();
    assertThat(count("questionnaire_response")).isZero();
  }

  @Test
  void answersThatCannotBeKeptAre422NamingTheItemAndWriteNothing() {
    var outOfRange =
        response(
            "phq9",
            patientId,
            QuestionnaireResponseStatus.COMPLETED,
            phq9(1, 2, 7, 1, 0, 2, 1, 1, 0));
    assertThatThrownBy(() -> fhir.create().resource(outOfRange).execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e -> {
              assertThat(ruleCode(e)).isEqualTo("answer-out-of-range");
              assertThat(diagnostics(e)).contains("PHQ-9 item 3");
            });
    Map<String, Integer> unknown = phq9(1, 2, 3, 1, 0, 2, 1, 1, 0);
    unknown.put("12", 1);
    assertThatThrownBy(
            () ->
                fhir.create()
                    .resource(
                        response("phq9", patientId, QuestionnaireResponseStatus.COMPLETED, unknown))
                    .execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class, e -> assertThat(diagnostics(e)).contains("'12'"));
    assertThatThrownBy(
            () ->
                fhir.create()
                    .resource(
                        response("nrs", patientId, QuestionnaireResponseStatus.COMPLETED, Map.of()))
                    .execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e -> {
              assertThat(ruleCode(e)).isEqualTo("required-item-missing");
              assertThat(diagnostics(e)).contains("NRS-11 item 1");
            });
    assertThatThrownBy(
            () ->
                fhir.create()
                    .resource(
                        response(
                            "nrs",
                            patientId,
                            QuestionnaireResponseStatus.COMPLETED,
                            Map.of("1", new org.hl7.fhir.r4.model.DecimalType("4.5"))))
                    .execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e -> assertThat(ruleCode(e)).isEqualTo("answer-not-a-whole-number"));
    Map<String, Integer> odiTooFew = new LinkedHashMap<>(Map.of("1", 2, "2", 1, "3", 3));
    assertThatThrownBy(
            () ->
                fhir.create()
                    .resource(
                        response(
                            "odi", patientId, QuestionnaireResponseStatus.COMPLETED, odiTooFew))
                    .execute())
        .isInstanceOf(UnprocessableEntityException.class);
    assertThatThrownBy(
            () ->
                fhir.create()
                    .resource(
                        response(
                            "sf36", patientId, QuestionnaireResponseStatus.COMPLETED, Map.of()))
                    .execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e -> assertThat(ruleCode(e)).isEqualTo("unknown-questionnaire"));
    assertThatThrownBy(
            () ->
                fhir.create()
                    .resource(
                        response(
                            "nrs",
                            999_999_999L,
                            QuestionnaireResponseStatus.COMPLETED,
                            Map.of("1", 4)))
                    .execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e -> assertThat(ruleCode(e)).isEqualTo("unknown-patient"));
    assertThat(count("answer_sheet")).isZero();
    assertThat(count("questionnaire_response")).isZero();
  }

  @Test
  void responsesAreFoundByPatientQuestionnaireAuthoredAndStatusPageByPage() {
    for (String day : List.of("2026-01-01", "2026-01-10", "2026-01-20")) {
      var r = response("nrs", patientId, QuestionnaireResponseStatus.COMPLETED, Map.of("1", 5));
      r.setAuthoredElement(new DateTimeType(day + "T08:00:00Z"));
      fhir.create().resource(r).execute();
    }
    fhir.create()
        .resource(
            response("odi", patientId, QuestionnaireResponseStatus.INPROGRESS, Map.of("1", 1)))
        .execute();
    Bundle nrs =
        fhir.search()
            .forResource(QuestionnaireResponse.class)
            .where(QuestionnaireResponse.PATIENT.hasId("Patient/" + patientId))
            .and(QuestionnaireResponse.QUESTIONNAIRE.hasId(CANONICAL + "nrs"))
            .and(QuestionnaireResponse.AUTHORED.afterOrEquals().day("2026-01-05"))
            .and(QuestionnaireResponse.STATUS.exactly().code("completed"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(nrs.getTotal()).isEqualTo(2);
    assertThat(FhirValidation.errors(FhirClients.json(nrs))).isEmpty();

    Bundle first =
        fhir.search()
            .forResource(QuestionnaireResponse.class)
            .where(QuestionnaireResponse.SUBJECT.hasId("Patient/" + patientId))
            .count(3)
            .returnBundle(Bundle.class)
            .execute();
    assertThat(first.getTotal()).isEqualTo(4);
    assertThat(first.getEntry()).hasSize(3);
    Bundle second = fhir.loadPage().next(first).execute();
    assertThat(second.getEntry()).hasSize(1);
    assertThat(ids(second)).doesNotContainAnyElementsOf(ids(first));

    Bundle inProgress =
        fhir.search()
            .byUrl(
                "QuestionnaireResponse?patient=Patient/"
                    + patientId
                    + "&status=in-progress&questionnaire=Questionnaire/odi")
            .returnBundle(Bundle.class)
            .execute();
    assertThat(inProgress.getTotal()).isEqualTo(1);
  }

  @Test
  void conditionalCreateWithTheSameIdentifierStoresOneResponse() {
    String value = "app-" + System.nanoTime();
    QuestionnaireResponse r =
        response("nrs", patientId, QuestionnaireResponseStatus.COMPLETED, Map.of("1", 6));
    r.getIdentifier().setSystem("https://example.org/app").setValue(value);
    var first =
        fhir.create()
            .resource(r)
            .conditionalByUrl("QuestionnaireResponse?identifier=https://example.org/app|" + value)
            .execute();
    var second =
        fhir.create()
            .resource(r)
            .conditionalByUrl("QuestionnaireResponse?identifier=https://example.org/app|" + value)
            .execute();
    assertThat(first.getCreated()).isTrue();
    assertThat(second.getCreated()).isNotEqualTo(Boolean.TRUE);
    assertThat(second.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
    assertThat(count("answer_sheet")).isEqualTo(1);
    assertThat(count("questionnaire_response")).isEqualTo(1);
  }

  @Test
  void aTransactionWithOneBadResponseWritesNothingAndABatchKeepsTheGoodOne() {
    Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    tx.addEntry()
        .setResource(
            response("nrs", patientId, QuestionnaireResponseStatus.COMPLETED, Map.of("1", 3)))
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("QuestionnaireResponse");
    tx.addEntry()
        .setResource(
            response("nrs", patientId, QuestionnaireResponseStatus.COMPLETED, Map.of("1", 12)))
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("QuestionnaireResponse");
    assertThatThrownBy(() -> fhir.transaction().withBundle(tx).execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e -> assertThat(e.getMessage()).contains("Entry 1"));
    assertThat(count("answer_sheet")).isZero();
    assertThat(count("questionnaire_response")).isZero();

    tx.setType(Bundle.BundleType.BATCH);
    Bundle answer = fhir.transaction().withBundle(tx).execute();
    assertThat(answer.getEntry().get(0).getResponse().getStatus()).startsWith("201");
    assertThat(answer.getEntry().get(1).getResponse().getStatus()).startsWith("422");
    assertThat(count("answer_sheet")).isEqualTo(1);
    assertThat(count("questionnaire_response")).isEqualTo(1);
  }

  @Test
  void scopesDecideWhoReadsAndWhoWritesResponses() {
    var created =
        fhir.create()
            .resource(
                response("nrs", patientId, QuestionnaireResponseStatus.COMPLETED, Map.of("1", 2)))
            .execute();
    String id = created.getId().getIdPart();
    IGenericClient patientsOnly = FhirClients.withScopes(port, "system/Patient.rs");
    assertThatThrownBy(
            () -> patientsOnly.read().resource(QuestionnaireResponse.class).withId(id).execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThatThrownBy(
            () ->
                patientsOnly
                    .create()
                    .resource(
                        response(
                            "nrs",
                            patientId,
                            QuestionnaireResponseStatus.COMPLETED,
                            Map.of("1", 2)))
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThatThrownBy(
            () -> patientsOnly.read().resource(Questionnaire.class).withId("nrs").execute())
        .isInstanceOf(ForbiddenOperationException.class);
    IGenericClient readOnly = FhirClients.withScopes(port, "system/QuestionnaireResponse.rs");
    assertThat(readOnly.read().resource(QuestionnaireResponse.class).withId(id).execute())
        .isNotNull();
    assertThatThrownBy(
            () ->
                readOnly
                    .create()
                    .resource(
                        response(
                            "nrs",
                            patientId,
                            QuestionnaireResponseStatus.COMPLETED,
                            Map.of("1", 2)))
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThat(count("answer_sheet")).isEqualTo(1);
  }

  @Test
  void aPatientScopedTokenReachesItsOwnPatientOnly() {
    long other = TestPatients.register(registry, "QR", Sex.MALE).id();
    var othersResponse =
        fhir.create()
            .resource(response("nrs", other, QuestionnaireResponseStatus.COMPLETED, Map.of("1", 8)))
            .execute();
    IGenericClient app =
        patientApp(patientId, "patient/QuestionnaireResponse.* patient/Questionnaire.rs");

    var own =
        app.create()
            .resource(
                response("nrs", patientId, QuestionnaireResponseStatus.COMPLETED, Map.of("1", 4)))
            .execute();
    assertThat(own.getCreated()).isTrue();
    assertThat(
            app.read()
                .resource(QuestionnaireResponse.class)
                .withId(own.getId().getIdPart())
                .execute()
                .getSubject()
                .getReference())
        .isEqualTo("Patient/" + patientId);
    assertThat(app.read().resource(Questionnaire.class).withId("nrs").execute().getUrl())
        .isEqualTo(CANONICAL + "nrs");
    Bundle mine =
        app.search().forResource(QuestionnaireResponse.class).returnBundle(Bundle.class).execute();
    assertThat(mine.getEntry())
        .extracting(e -> ((QuestionnaireResponse) e.getResource()).getSubject().getReference())
        .containsOnly("Patient/" + patientId);

    assertThatThrownBy(
            () ->
                app.read()
                    .resource(QuestionnaireResponse.class)
                    .withId(othersResponse.getId().getIdPart())
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThatThrownBy(
            () ->
                app.search()
                    .forResource(QuestionnaireResponse.class)
                    .where(QuestionnaireResponse.PATIENT.hasId("Patient/" + other))
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThatThrownBy(
            () ->
                app.create()
                    .resource(
                        response(
                            "nrs", other, QuestionnaireResponseStatus.COMPLETED, Map.of("1", 1)))
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThatThrownBy(
            () ->
                app.search()
                    .forResource(Observation.class)
                    .where(Observation.PATIENT.hasId("Patient/" + patientId))
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThat(
            jdbc.sql("SELECT count(*) FROM answer_sheet WHERE patient_id = :p")
                .param("p", other)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'ACCESS_DENIED'"
                        + " AND object_type = 'QuestionnaireResponse'"
                        + " AND object_id = :id")
                .param("id", othersResponse.getId().getIdPart())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aPatientScopedTokenSeesTheScoresOfItsOwnPatientOnly() {
    long other = TestPatients.register(registry, "QR", Sex.MALE).id();
    var othersScore =
        fhir.create()
            .resource(response("nrs", other, QuestionnaireResponseStatus.COMPLETED, Map.of("1", 7)))
            .execute();
    IGenericClient app =
        patientApp(patientId, "patient/QuestionnaireResponse.* patient/Observation.rs");
    app.create()
        .resource(response("nrs", patientId, QuestionnaireResponseStatus.COMPLETED, Map.of("1", 3)))
        .execute();
    Bundle scores =
        app.search()
            .forResource(Observation.class)
            .where(Observation.CODE.exactly().systemAndCode(LOINC, "72514-3"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(scores.getEntry())
        .singleElement()
        .satisfies(
            e -> {
              Observation o = (Observation) e.getResource();
              assertThat(o.getSubject().getReference()).isEqualTo("Patient/" + patientId);
              assertThat(o.getValueQuantity().getValue().intValue()).isEqualTo(3);
            });
    long othersObservation =
        jdbc.sql("SELECT scored_response_id FROM answer_sheet WHERE id = :id")
            .param("id", Long.parseLong(othersScore.getId().getIdPart()))
            .query(Long.class)
            .single();
    assertThatThrownBy(
            () ->
                app.read()
                    .resource(Observation.class)
                    .withId(Long.toString(othersObservation))
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThatThrownBy(
            () ->
                app.search()
                    .forResource(Observation.class)
                    .where(Observation.PATIENT.hasId("Patient/" + other))
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThatThrownBy(
            () ->
                app.create()
                    .resource(ObservationFhirApiTest.nrs(Long.toString(patientId), 2, "2026-01-05"))
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
  }

  @Test
  void patientScopesNeedAPatientAndAPatientNeedsPatientScopes() {
    String client = "qr-app-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
    apiClients.register(client, "qr-app-secret-123456", List.of("patient/QuestionnaireResponse.*"));
    var withoutPatient =
        Http.api(port)
            .postForm(
                "/oauth2/token",
                Map.of(
                    "grant_type", "client_credentials", "scope", "patient/QuestionnaireResponse.*"),
                "Authorization",
                Http.basic(client, "qr-app-secret-123456"));
    assertThat(withoutPatient.statusCode()).isEqualTo(400);
    var systemWithPatient =
        Http.api(port)
            .postForm(
                "/oauth2/token",
                Map.of(
                    "grant_type",
                    "client_credentials",
                    "scope",
                    "system/Patient.rs",
                    "patient",
                    Long.toString(patientId)),
                "Authorization",
                Http.basic(
                    org.relief.support.TestAccounts.CLIENT_ID,
                    org.relief.support.TestAccounts.CLIENT_SECRET));
    assertThat(systemWithPatient.statusCode()).isEqualTo(400);
  }

  private IGenericClient patientApp(long patient, String scopes) {
    String client = "qr-app-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
    String secret = "qr-app-secret-123456";
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
    var body = Http.json(response);
    assertThat(body.get("patient").asText()).isEqualTo(Long.toString(patient));
    FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    IGenericClient app = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
    app.registerInterceptor(new BearerTokenAuthInterceptor(body.get("access_token").asText()));
    return app;
  }

  @Test
  void answersSubmittedThroughAPatientLinkAreReadableAsQuestionnaireResponses() {
    var sent = patientQuestionnaires.send(patientId, List.of("nrs", "pgic"));
    Http phone = Http.browser(port);
    String link = sent.path();
    phone.submit(link + "/1", link + "/1", Map.of("answer", "3"));
    phone.submit(link + "/2", link + "/2", Map.of("answer", "2"));
    var submitted = phone.submit(link + "/review", link + "/submit", Map.of());
    assertThat(submitted.statusCode()).isEqualTo(200);

    Bundle found =
        fhir.search()
            .forResource(QuestionnaireResponse.class)
            .where(QuestionnaireResponse.PATIENT.hasId("Patient/" + patientId))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(found.getEntry()).hasSize(2);
    List<String> questionnaires = new ArrayList<>();
    for (var e : found.getEntry()) {
      QuestionnaireResponse r = (QuestionnaireResponse) e.getResource();
      questionnaires.add(r.getQuestionnaire().replaceAll("\\|.*", ""));
      assertThat(r.getStatus()).isEqualTo(QuestionnaireResponseStatus.COMPLETED);
      assertThat(r.getItemFirstRep().getAnswerFirstRep().getValueIntegerType().getValue())
          .isIn(2, 3);
      assertThat(FhirValidation.errors(FhirClients.json(r))).isEmpty();
    }
    assertThat(questionnaires).containsExactlyInAnyOrder(CANONICAL + "nrs", CANONICAL + "pgic");
  }

  @Test
  void everyReadSearchAndCreateIsAudited() {
    // Other tests may have read an unknown ID that this create now receives: count only from here.
    long before =
        jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
    var created =
        fhir.create()
            .resource(
                response("nrs", patientId, QuestionnaireResponseStatus.COMPLETED, Map.of("1", 2)))
            .execute();
    String id = created.getId().getIdPart();
    fhir.read().resource(QuestionnaireResponse.class).withId(id).execute();
    fhir.history()
        .onInstance(new IdType("QuestionnaireResponse", id))
        .returnBundle(Bundle.class)
        .execute();
    assertThat(
            jdbc.sql(
                    "SELECT action FROM audit_event WHERE object_type = 'QuestionnaireResponse'"
                        + " AND object_id = :id AND id > :before ORDER BY id")
                .param("id", id)
                .param("before", before)
                .query(String.class)
                .list())
        .containsExactly("CREATE", "READ", "READ");
    fhir.search()
        .forResource(QuestionnaireResponse.class)
        .where(QuestionnaireResponse.PATIENT.hasId("Patient/" + patientId))
        .returnBundle(Bundle.class)
        .execute();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE object_type = 'QuestionnaireResponse'"
                        + " AND action = 'SEARCH' AND object_id = :p")
                .param("p", "Patient/" + patientId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void metadataListsExactlyTheQuestionnaireInteractions() {
    var response = Http.api(port).get("/fhir/metadata");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(FhirValidation.errors(response.body())).isEmpty();
    Map<String, List<String>> interactions = new LinkedHashMap<>();
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (var resource : Http.json(response).get("rest").get(0).get("resource")) {
      String type = resource.get("type").asText();
      List<String> codes = new ArrayList<>();
      resource.get("interaction").forEach(i -> codes.add(i.get("code").asText()));
      interactions.put(type, codes);
      List<String> names = new ArrayList<>();
      if (resource.has("searchParam")) {
        resource.get("searchParam").forEach(p -> names.add(p.get("name").asText()));
      }
      params.put(type, names);
    }
    assertThat(interactions.get("Questionnaire"))
        .containsExactlyInAnyOrder("read", "vread", "search-type");
    assertThat(params.get("Questionnaire")).contains("_id", "url", "name", "title", "status");
    assertThat(interactions.get("QuestionnaireResponse"))
        .containsExactlyInAnyOrder("read", "vread", "create", "search-type", "history-instance");
    assertThat(params.get("QuestionnaireResponse"))
        .contains("_id", "identifier", "patient", "subject", "questionnaire", "authored", "status");
  }

  private static List<String> ids(Bundle bundle) {
    return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
  }
}
