package org.relief.consultations.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.consultations.PlanItemKind;
import org.relief.consultations.PlanItemStatus;
import org.relief.consultations.fhir.ServiceRequestMapper.Referral;
import org.relief.fhir.PatientCriterion;
import org.relief.fhir.SearchPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * FHIR {@code ServiceRequest}: the referrals of signed treatment plans (physical therapy,
 * psychology, a spine surgeon). Read, vread of the current version, history (the current version:
 * Relief keeps an item's current status only), search by {@code patient}/{@code subject}, {@code
 * status} and {@code authored} date range with {@code _count}/{@code _offset} paging. Read-only:
 * referrals are written in the visit note. Every access is audited.
 */
@Component
public class ServiceRequestResourceProvider implements IResourceProvider {

  private static final String TYPE = "ServiceRequest";
  private static final String FROM =
      " FROM treatment_plan_item i JOIN visit_note n ON n.visit_id = i.visit_id"
          + " WHERE n.signed_at IS NOT NULL AND i.kind IN ('PHYSICAL_THERAPY', 'PSYCHOLOGY',"
          + " 'SURGICAL_REFERRAL')";
  private static final String COLUMNS =
      "SELECT i.id, i.patient_id, i.kind, i.detail, i.status, i.status_changed_at, n.signed_at,"
          + " n.signed_by";

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  ServiceRequestResourceProvider(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Override
  public Class<ServiceRequest> getResourceType() {
    return ServiceRequest.class;
  }

  @Read(version = true)
  public ServiceRequest read(@IdParam IdType id) {
    Optional<Referral> found =
        find(id)
            .filter(
                r ->
                    !id.hasVersionIdPart()
                        || ServiceRequestMapper.versionId(r).equals(id.getVersionIdPart()));
    audit.recordAccess(
        AuditActions.READ,
        TYPE,
        id.getIdPart(),
        found.isPresent() ? Outcome.SUCCESS : Outcome.FAILURE);
    return ServiceRequestMapper.toFhir(found.orElseThrow(() -> new ResourceNotFoundException(id)));
  }

  @History
  public List<ServiceRequest> history(@IdParam IdType id) {
    Optional<Referral> found = find(id);
    audit.recordAccess(
        AuditActions.READ,
        TYPE,
        id.getIdPart(),
        found.isPresent() ? Outcome.SUCCESS : Outcome.FAILURE,
        "history");
    return List.of(
        ServiceRequestMapper.toFhir(found.orElseThrow(() -> new ResourceNotFoundException(id))));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = ServiceRequest.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = ServiceRequest.SP_SUBJECT) ReferenceParam subject,
      @OptionalParam(name = ServiceRequest.SP_STATUS) TokenOrListParam status,
      @OptionalParam(name = ServiceRequest.SP_AUTHORED) DateRangeParam authored,
      @Offset Integer offset,
      @Count Integer count) {
    int from = SearchPage.offset(offset);
    int size = SearchPage.size(count);
    PatientCriterion who = PatientCriterion.of(patient, subject);
    Long patientId = who.id();
    boolean nothing = who.matchesNothing();
    StringBuilder where = new StringBuilder();
    Map<String, Object> params = new LinkedHashMap<>();
    if (patientId != null) {
      where.append(" AND i.patient_id = :patient");
      params.put("patient", patientId);
    }
    if (status != null) {
      List<String> statuses = new ArrayList<>();
      for (TokenParam t : status.getValuesAsQueryTokens()) {
        for (PlanItemStatus s : PlanItemStatus.values()) {
          if (ServiceRequestMapper.status(s).toCode().equals(t.getValue())) {
            statuses.add(s.name());
          }
        }
      }
      nothing |= statuses.isEmpty();
      where.append(" AND i.status IN (:statuses)");
      params.put("statuses", statuses.isEmpty() ? List.of("") : statuses);
    }
    if (authored != null && authored.getLowerBoundAsInstant() != null) {
      where.append(" AND n.signed_at >= :from");
      params.put("from", new Timestamp(authored.getLowerBoundAsInstant().getTime()));
    }
    if (authored != null && authored.getUpperBoundAsInstant() != null) {
      where.append(" AND n.signed_at <= :to");
      params.put("to", new Timestamp(authored.getUpperBoundAsInstant().getTime()));
    }
    int total =
        nothing
            ? 0
            : jdbc.sql("SELECT count(*)" + FROM + where)
                .params(params)
                .query(Integer.class)
                .single();
    List<IBaseResource> resources = new ArrayList<>();
    if (total > from && size > 0) {
      params.put("offset", from);
      params.put("count", size);
      jdbc.sql(COLUMNS + FROM + where + " ORDER BY i.id OFFSET :offset LIMIT :count")
          .params(params)
          .query(ServiceRequestResourceProvider::row)
          .list()
          .forEach(r -> resources.add(ServiceRequestMapper.toFhir(r)));
    }
    audit.recordAccess(
        AuditActions.SEARCH,
        TYPE,
        patientId == null ? null : "Patient/" + patientId,
        Outcome.SUCCESS,
        "fhir search, results " + resources.size() + " of " + total);
    return SearchPage.of(resources, total, from, size);
  }

  private Optional<Referral> find(IdType id) {
    return SearchPage.numericId(id.getIdPart())
        .flatMap(
            n ->
                jdbc.sql(COLUMNS + FROM + " AND i.id = :id")
                    .param("id", n)
                    .query(ServiceRequestResourceProvider::row)
                    .optional());
  }

  private static Referral row(ResultSet rs, int n) throws SQLException {
    return new Referral(
        rs.getLong("id"),
        rs.getLong("patient_id"),
        PlanItemKind.valueOf(rs.getString("kind")),
        rs.getString("detail"),
        PlanItemStatus.valueOf(rs.getString("status")),
        rs.getTimestamp("status_changed_at").toInstant(),
        rs.getTimestamp("signed_at").toInstant(),
        rs.getLong("signed_by"));
  }
}
