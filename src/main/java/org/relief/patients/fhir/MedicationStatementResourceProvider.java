package org.relief.patients.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.fhir.PatientCriterion;
import org.relief.fhir.SearchPage;
import org.relief.patients.medicationlist.Frequency;
import org.relief.patients.medicationlist.Medication;
import org.relief.patients.medicationlist.MedicationUnit;
import org.relief.platform.PracticeSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * FHIR {@code MedicationStatement} over the patient's medication list: read, vread, instance
 * history, and search by {@code patient}/{@code subject} with paging. Reads and searches are
 * audited.
 *
 * <p>Relief keeps only the current version of a medication (decision 0078): its versionId is
 * derived from the row's {@code updated_at} ({@link MedicationStatementMapper#versionId}), vread
 * answers that version only (any other → 404), and history holds that one version.
 */
@Component
public class MedicationStatementResourceProvider implements IResourceProvider {

  private static final String COLUMNS =
      "id, patient_id, drug, dose, unit, frequency, frequency_count, start_date, stop_date,"
          + " updated_at";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final PracticeSettings practice;

  MedicationStatementResourceProvider(
      JdbcClient jdbc, AuditTrail audit, Clock clock, PracticeSettings practice) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.practice = practice;
  }

  @Override
  public Class<MedicationStatement> getResourceType() {
    return MedicationStatement.class;
  }

  private record Stored(Medication medication, Instant updated) {}

  @Read(version = true)
  public MedicationStatement read(@IdParam IdType id) {
    Optional<Stored> found =
        SearchPage.numericId(id.getIdPart())
            .flatMap(this::stored)
            .filter(
                s ->
                    !id.hasVersionIdPart()
                        || MedicationStatementMapper.versionId(s.updated())
                            .equals(id.getVersionIdPart()));
    audit.recordAccess(
        AuditActions.READ,
        "MedicationStatement",
        id.getIdPart(),
        found.isPresent() ? Outcome.SUCCESS : Outcome.FAILURE,
        id.hasVersionIdPart() ? "version " + id.getVersionIdPart() : null);
    if (found.isEmpty()) {
      throw new ResourceNotFoundException(
          id.hasVersionIdPart()
              ? id.toUnqualified().getValue()
                  + " is not kept: Relief keeps only the current version of a"
                  + " MedicationStatement (see its history)."
              : id.toUnqualified().getValue() + " does not exist.");
    }
    return toFhir(found.get());
  }

  /** The one version Relief keeps: the current. */
  @History
  public IBundleProvider history(@IdParam IdType id) {
    Optional<Stored> found = SearchPage.numericId(id.getIdPart()).flatMap(this::stored);
    audit.recordAccess(
        AuditActions.READ,
        "MedicationStatement",
        id.getIdPart(),
        found.isPresent() ? Outcome.SUCCESS : Outcome.FAILURE,
        "history");
    Stored stored = found.orElseThrow(() -> new ResourceNotFoundException(id));
    return new SimpleBundleProvider(List.<IBaseResource>of(toFhir(stored)));
  }

  /** The medication as now stored, not audited (the caller audits). */
  Optional<MedicationStatement> current(long id) {
    return stored(id).map(this::toFhir);
  }

  private Optional<Stored> stored(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM patient_medication WHERE id = :id")
        .param("id", id)
        .query((rs, n) -> new Stored(medication(rs, n), rs.getTimestamp("updated_at").toInstant()))
        .optional();
  }

  private MedicationStatement toFhir(Stored s) {
    return MedicationStatementMapper.toFhir(s.medication(), today(), s.updated());
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = MedicationStatement.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = MedicationStatement.SP_SUBJECT) ReferenceParam subject,
      @Offset Integer offset,
      @Count Integer count) {
    int from = SearchPage.offset(offset);
    int size = SearchPage.size(count);
    PatientCriterion who = PatientCriterion.of(patient, subject);
    Long patientId = who.id();
    boolean nothing = who.matchesNothing();
    String filter = patientId == null ? "" : " WHERE patient_id = :patient";
    var countQuery = jdbc.sql("SELECT count(*) FROM patient_medication" + filter);
    var pageQuery =
        jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM patient_medication"
                + filter
                + " ORDER BY id OFFSET :offset LIMIT :count");
    if (patientId != null) {
      countQuery = countQuery.param("patient", patientId);
      pageQuery = pageQuery.param("patient", patientId);
    }
    int total = nothing ? 0 : countQuery.query(Integer.class).single();
    List<IBaseResource> resources = new ArrayList<>();
    if (total > from && size > 0) {
      LocalDate today = today();
      pageQuery
          .param("offset", from)
          .param("count", size)
          .query(
              (rs, n) -> new Stored(medication(rs, n), rs.getTimestamp("updated_at").toInstant()))
          .list()
          .forEach(
              m ->
                  resources.add(
                      MedicationStatementMapper.toFhir(m.medication(), today, m.updated())));
    }
    audit.recordAccess(
        AuditActions.SEARCH,
        "MedicationStatement",
        patientId == null ? null : "Patient/" + patientId,
        Outcome.SUCCESS,
        "fhir search, results " + resources.size() + " of " + total);
    return SearchPage.of(resources, total, from, size);
  }

  private LocalDate today() {
    return practice.today(clock);
  }

  private static Medication medication(ResultSet rs, int n) throws SQLException {
    String unit = rs.getString("unit");
    return new Medication(
        rs.getLong("id"),
        rs.getLong("patient_id"),
        rs.getString("drug"),
        rs.getBigDecimal("dose"),
        java.util.Arrays.stream(MedicationUnit.values())
            .filter(u -> u.code().equals(unit))
            .findFirst()
            .orElseThrow(),
        Frequency.valueOf(rs.getString("frequency")),
        (Integer) rs.getObject("frequency_count"),
        rs.getObject("start_date", LocalDate.class),
        rs.getObject("stop_date", LocalDate.class));
  }
}
