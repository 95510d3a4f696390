package org.relief.patients.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.sql.Date;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.fhir.NotKept;
import org.relief.fhir.PatientCriterion;
import org.relief.fhir.SearchPage;
import org.relief.patients.diagnoses.Diagnosis;
import org.relief.patients.diagnoses.DiagnosisCatalogue;
import org.relief.patients.diagnoses.DiagnosisRank;
import org.relief.patients.diagnoses.DiagnosisStatus;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.relief.platform.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * FHIR {@code Condition} over the patient's diagnoses: read, search by {@code patient}/{@code
 * subject}, {@code code} and {@code clinical-status} with paging, and create through {@link
 * PatientDiagnoses} (which validates and audits). A Condition whose code is not in Relief's pain
 * subset (directly as ICD-10-CM or through a known SNOMED CT pain finding) is not kept.
 */
@Component
public class ConditionResourceProvider implements IResourceProvider {

  private static final String COLUMNS =
      "id, patient_id, icd10_code, rank, status, onset_date, updated_at";

  private final JdbcClient jdbc;
  private final PatientDiagnoses diagnoses;
  private final DiagnosisCatalogue catalogue;
  private final AuditTrail audit;

  ConditionResourceProvider(
      JdbcClient jdbc, PatientDiagnoses diagnoses, DiagnosisCatalogue catalogue, AuditTrail audit) {
    this.jdbc = jdbc;
    this.diagnoses = diagnoses;
    this.catalogue = catalogue;
    this.audit = audit;
  }

  @Override
  public Class<Condition> getResourceType() {
    return Condition.class;
  }

  private record Stored(Diagnosis diagnosis, Instant updated) {}

  @Read
  public Condition read(@IdParam IdType id) {
    Optional<Stored> found =
        SearchPage.numericId(id.getIdPart())
            .flatMap(
                n ->
                    jdbc.sql("SELECT " + COLUMNS + " FROM patient_condition WHERE id = :id")
                        .param("id", n)
                        .query(this::row)
                        .optional()
                        .flatMap(row -> row));
    audit.recordAccess(
        AuditActions.READ,
        "Condition",
        id.getIdPart(),
        found.isPresent() ? Outcome.SUCCESS : Outcome.FAILURE);
    Stored stored = found.orElseThrow(() -> new ResourceNotFoundException(id));
    return ConditionMapper.toFhir(stored.diagnosis(), stored.updated());
  }

  @Create
  public MethodOutcome create(@ResourceParam Condition resource) {
    String code =
        ConditionMapper.icd10(resource)
            .filter(c -> catalogue.find(c).isPresent())
            .orElseThrow(
                () ->
                    new NotKept(
                        "Relief keeps diagnoses from its pain subset of ICD-10-CM"
                            + " (clinical-rules.md §5b); this Condition's code is not in it."));
    var subject = resource.getSubject().getReferenceElement();
    long patientId =
        Optional.ofNullable(subject)
            .filter(s -> "Patient".equals(s.getResourceType()))
            .flatMap(s -> SearchPage.numericId(s.getIdPart()))
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "unknown-patient",
                        "The Condition's subject must be a patient registered in Relief"
                            + " (Patient/<id>)."));
    Diagnosis added =
        diagnoses.add(
            patientId,
            code,
            ConditionMapper.rank(resource),
            ConditionMapper.status(resource),
            ConditionMapper.onset(resource));
    Condition created = read(new IdType("Condition", Long.toString(added.id())));
    return new MethodOutcome(created.getIdElement(), true).setResource(created);
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = Condition.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = Condition.SP_SUBJECT) ReferenceParam subject,
      @OptionalParam(name = Condition.SP_CODE) TokenOrListParam code,
      @OptionalParam(name = Condition.SP_CLINICAL_STATUS) TokenParam clinicalStatus,
      @Offset Integer offset,
      @Count Integer count) {
    int from = SearchPage.offset(offset);
    int size = SearchPage.size(count);
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    PatientCriterion who = PatientCriterion.of(patient, subject);
    Long patientId = who.id();
    boolean nothing = who.matchesNothing();
    if (patientId != null) {
      where.add("patient_id = :patient");
      params.put("patient", patientId);
    }
    if (code != null) {
      List<String> codes = new ArrayList<>();
      for (TokenParam t : code.getValuesAsQueryTokens()) {
        boolean icd =
            t.getSystem() == null
                || t.getSystem().isEmpty()
                || ConditionMapper.ICD10CM.equals(t.getSystem());
        if (icd && t.getValue() != null) {
          codes.add(t.getValue().toUpperCase(java.util.Locale.ROOT));
        }
      }
      nothing |= codes.isEmpty();
      where.add("icd10_code IN (:codes)");
      params.put("codes", codes.isEmpty() ? List.of("") : codes);
    }
    if (clinicalStatus != null) {
      String status =
          switch (clinicalStatus.getValue()) {
            case "active" -> "ACTIVE";
            case "resolved", "inactive" -> "RESOLVED";
            default -> null;
          };
      nothing |= status == null;
      where.add(
          "ACTIVE".equals(status) ? "status = 'ACTIVE'" : "status IN ('RESOLVED', 'RULED_OUT')");
    }
    String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    int total =
        nothing
            ? 0
            : jdbc.sql("SELECT count(*) FROM patient_condition" + filter)
                .params(params)
                .query(Integer.class)
                .single();
    List<IBaseResource> resources = new ArrayList<>();
    if (total > from && size > 0) {
      params.put("offset", from);
      params.put("count", size);
      jdbc.sql(
              "SELECT "
                  + COLUMNS
                  + " FROM patient_condition"
                  + filter
                  + " ORDER BY id OFFSET :offset LIMIT :count")
          .params(params)
          .query(this::row)
          .list()
          .forEach(
              s ->
                  s.ifPresent(
                      d -> resources.add(ConditionMapper.toFhir(d.diagnosis(), d.updated()))));
    }
    audit.recordAccess(
        AuditActions.SEARCH,
        "Condition",
        patientId == null ? null : "Patient/" + patientId,
        Outcome.SUCCESS,
        "fhir search, results " + resources.size() + " of " + total);
    return SearchPage.of(resources, total, from, size);
  }

  private Optional<Stored> row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Date onset = rs.getDate("onset_date");
    long id = rs.getLong("id");
    long patientId = rs.getLong("patient_id");
    DiagnosisRank rank = DiagnosisRank.valueOf(rs.getString("rank"));
    DiagnosisStatus status = DiagnosisStatus.valueOf(rs.getString("status"));
    Instant updated = rs.getTimestamp("updated_at").toInstant();
    return catalogue
        .find(rs.getString("icd10_code"))
        .map(
            code ->
                new Stored(
                    new Diagnosis(
                        id,
                        patientId,
                        code,
                        rank,
                        status,
                        onset == null ? null : onset.toLocalDate()),
                    updated));
  }
}
