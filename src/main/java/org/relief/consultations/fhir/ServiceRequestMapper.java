package org.relief.consultations.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.relief.consultations.PlanItemKind;
import org.relief.consultations.PlanItemStatus;

/**
 * A referral of a signed treatment plan (physical therapy, psychology, a spine surgeon) as a FHIR
 * R4 {@code ServiceRequest}. Pure.
 *
 * <p>Status (decision 0073): proposed → active with intent {@code proposal}; ordered → active,
 * {@code order}; done → completed; declined by the patient → revoked, {@code proposal}; cancelled →
 * revoked. The kind is coded in Relief's own code system: clinical-rules.md gives no SNOMED CT code
 * for these referrals, so none is invented.
 */
public final class ServiceRequestMapper {

  public static final String KIND = "https://relief.health/fhir/CodeSystem/plan-item-kind";

  /** The plan items that are referrals, and so ServiceRequests. */
  static final Map<PlanItemKind, String> REFERRALS =
      Map.of(
          PlanItemKind.PHYSICAL_THERAPY, "physical-therapy",
          PlanItemKind.PSYCHOLOGY, "psychology",
          PlanItemKind.SURGICAL_REFERRAL, "surgical-referral");

  private ServiceRequestMapper() {}

  /** A referral as stored: the item and the signing of its note. */
  record Referral(
      long id,
      long patientId,
      PlanItemKind kind,
      String detail,
      PlanItemStatus status,
      Instant statusChangedAt,
      Instant signedAt,
      long signedBy) {}

  static ServiceRequest toFhir(Referral r) {
    ServiceRequest s = new ServiceRequest();
    s.setId(new IdType("ServiceRequest", Long.toString(r.id()), versionId(r)));
    s.getMeta().setLastUpdated(Date.from(r.statusChangedAt()));
    s.setStatus(status(r.status()));
    s.setIntent(
        r.status() == PlanItemStatus.PROPOSED || r.status() == PlanItemStatus.DECLINED
            ? ServiceRequestIntent.PROPOSAL
            : ServiceRequestIntent.ORDER);
    String code = REFERRALS.get(r.kind());
    s.setCode(
        new CodeableConcept(new Coding(KIND, code, r.kind().label())).setText(r.kind().label()));
    s.setSubject(new Reference("Patient/" + r.patientId()));
    s.setRequester(new Reference("Practitioner/" + r.signedBy()));
    s.setAuthoredOnElement(
        new DateTimeType(
            Date.from(r.signedAt()),
            ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
            java.util.TimeZone.getTimeZone("UTC")));
    if (r.detail() != null && !r.detail().isBlank()) {
      s.addNote().setText(r.detail());
    }
    return s;
  }

  /** The version: the time of the last status change, as Relief keeps only the current status. */
  static String versionId(Referral r) {
    return Long.toString(r.statusChangedAt().toEpochMilli());
  }

  static ServiceRequestStatus status(PlanItemStatus status) {
    return switch (status) {
      case PROPOSED, ORDERED -> ServiceRequestStatus.ACTIVE;
      case DONE -> ServiceRequestStatus.COMPLETED;
      case DECLINED, CANCELLED -> ServiceRequestStatus.REVOKED;
    };
  }
}
