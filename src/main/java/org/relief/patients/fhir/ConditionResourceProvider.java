package org.relief.patients.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
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
import org.relief.patients.diagnoses.DiagnosisChangedMeanwhile;
import org.relief.patients.diagnoses.DiagnosisCode;
import org.relief.patients.diagnoses.DiagnosisRank;
import org.relief.patients.diagnoses.DiagnosisStatus;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.relief.platform.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * FHIR {@code Condition} over the patient's diagnoses: read, vread, instance history, search by
 * {@code patient}/{@code subject}, {@code code} and {@code clinical-status} with paging, and create
 * and update (with {@code If-Match}) through {@link PatientDiagnoses} (which validates and audits).
 * An update changes clinical status, verification (refuted), rank and onset; the code and the
 * subject never change. Prior versions are kept in {@code patient_condition_version} (decision
 * 0078). A Condition whose code is not in Relief's pain subset (directly as ICD-10-CM or through a
 * known SNOMED CT pain finding) is not kept.
 */
@Component
public class ConditionResourceProvider implements IResourceProvider {

  private static final String COLUMNS =
      "id, patient_id, icd10_code, rank, status, onset_date, version, updated_at";

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

  private record Stored(Diagnosis diagnosis, int version, Instant updated) {
    Condition toFhir() {
      return ConditionMapper.toFhir(diagnosis, version, updated);
    }
  }

  @Read(version = true)
  public Condition read(@IdParam IdType id) {
    Optional<Long> n = SearchPage.numericId(id.getIdPart());
    Optional<Stored> found =
        id.hasVersionIdPart()
            ? n.flatMap(
                c -> ConditionMapper.version(id.getVersionIdPart()).flatMap(v -> version(c, v)))
            : n.flatMap(this::current);
    audit.recordAccess(
        AuditActions.READ,
        "Condition",
        id.getIdPart(),
        found.isPresent() ? Outcome.SUCCESS : Outcome.FAILURE,
        id.hasVersionIdPart() ? "version " + id.getVersionIdPart() : null);
    return found.orElseThrow(() -> new ResourceNotFoundException(id)).toFhir();
  }

  @History
  public IBundleProvider history(@IdParam IdType id) {
    Optional<Long> n = SearchPage.numericId(id.getIdPart());
    List<Stored> versions = new ArrayList<>();
    n.flatMap(this::current)
        .ifPresent(
            current -> {
              versions.add(current);
              jdbc.sql(
                      "SELECT condition_id AS id, patient_id, icd10_code, rank, status,"
                          + " onset_date, version, recorded_at AS updated_at"
                          + " FROM patient_condition_version WHERE condition_id = :id"
                          + " ORDER BY version DESC")
                  .param("id", n.get())
                  .query(this::row)
                  .list()
                  .forEach(v -> v.ifPresent(versions::add));
            });
    audit.recordAccess(
        AuditActions.READ,
        "Condition",
        id.getIdPart(),
        versions.isEmpty() ? Outcome.FAILURE : Outcome.SUCCESS,
        "history");
    if (versions.isEmpty()) {
      throw new ResourceNotFoundException(id);
    }
    List<IBaseResource> resources = new ArrayList<>();
    versions.forEach(v -> resources.add(v.toFhir()));
    return new SimpleBundleProvider(resources);
  }

  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam Condition resource) {
    Optional<Stored> found = SearchPage.numericId(id.getIdPart()).flatMap(this::current);
    if (found.isEmpty()) {
      audit.recordAccess(AuditActions.UPDATE, "Condition", id.getIdPart(), Outcome.FAILURE);
      throw new ResourceNotFoundException(
          "Condition/"
              + id.getIdPart()
              + " does not exist; Relief adds diagnoses with POST (create), not PUT.");
    }
    Diagnosis current = found.get().diagnosis();
    try {
      revise(id, current, resource);
    } catch (RuntimeException e) {
      audit.recordAccess(
          AuditActions.UPDATE,
          "Condition",
          id.getIdPart(),
          Outcome.FAILURE,
          e instanceof RuleViolation r ? r.code() : e.getClass().getSimpleName());
      throw e;
    }
    Condition updated = current(current.id()).orElseThrow().toFhir();
    return new MethodOutcome(updated.getIdElement(), false).setResource(updated);
  }

  private Diagnosis revise(IdType id, Diagnosis current, Condition resource) {
    Integer asked = null;
    if (id.hasVersionIdPart()) {
      asked =
          ConditionMapper.version(id.getVersionIdPart())
              .orElseThrow(
                  () ->
                      new PreconditionFailedException(
                          "If-Match names version "
                              + id.getVersionIdPart()
                              + ", which Relief never issued."));
    }
    boolean sameCode =
        ConditionMapper.icd10(resource)
            .flatMap(catalogue::find)
            .map(DiagnosisCode::code)
            .filter(current.code().code()::equals)
            .isPresent();
    if (!sameCode) {
      throw new RuleViolation(
          "condition-code-changed",
          "A diagnosis's code cannot be changed: this Condition is "
              + current.code().code()
              + ". Resolve or refute it and add the other code as a new Condition.");
    }
    var subject = resource.getSubject().getReferenceElement();
    boolean sameSubject =
        subject != null
            && "Patient".equals(subject.getResourceType())
            && Long.toString(current.patientId()).equals(subject.getIdPart());
    if (!sameSubject) {
      throw new RuleViolation(
          "condition-subject-changed",
          "A diagnosis stays with its patient: this Condition's subject is Patient/"
              + current.patientId()
              + ".");
    }
    try {
      return diagnoses.revise(
          current.patientId(),
          current.id(),
          asked,
          ConditionMapper.rank(resource),
          ConditionMapper.status(resource),
          ConditionMapper.onset(resource));
    } catch (DiagnosisChangedMeanwhile e) {
      // 412 against an If-Match; 409 for a concurrent change without one
      throw asked != null
          ? new PreconditionFailedException(e.getMessage())
          : new ResourceVersionConflictException(e.getMessage());
    }
  }

  private Optional<Stored> current(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM patient_condition WHERE id = :id")
        .param("id", id)
        .query(this::row)
        .optional()
        .flatMap(row -> row);
  }

  private Optional<Stored> version(long id, int version) {
    Optional<Stored> current = current(id);
    if (current.isPresent() && current.get().version() == version) {
      return current;
    }
    return jdbc.sql(
            "SELECT condition_id AS id, patient_id, icd10_code, rank, status, onset_date, version,"
                + " recorded_at AS updated_at FROM patient_condition_version"
                + " WHERE condition_id = :id AND version = :version")
        .param("id", id)
        .param("version", version)
        .query(this::row)
        .optional()
        .flatMap(row -> row);
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
          .forEach(s -> s.ifPresent(d -> resources.add(d.toFhir())));
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
    int version = rs.getInt("version");
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
                    version,
                    updated));
  }
}
