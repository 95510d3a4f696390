package org.relief.consultations.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.relief.consultations.PlanItemKind;
import org.relief.consultations.PlanItemStatus;
import org.relief.fhir.FhirClients;
import org.relief.support.FhirValidation;

class ServiceRequestMapperTest {

  @ParameterizedTest
  @EnumSource(PlanItemStatus.class)
  void everyStatusOfAReferralIsValidR4(PlanItemStatus status) {
    ServiceRequest s =
        ServiceRequestMapper.toFhir(
            new ServiceRequestMapper.Referral(
                4,
                9,
                PlanItemKind.PSYCHOLOGY,
                "",
                status,
                Instant.parse("2026-11-03T10:00:00Z"),
                Instant.parse("2026-11-02T10:00:00Z"),
                5));
    assertThat(s.getNote()).isEmpty();
    assertThat(FhirValidation.errors(FhirClients.json(s))).isEmpty();
    ServiceRequestStatus expected =
        switch (status) {
          case PROPOSED, ORDERED -> ServiceRequestStatus.ACTIVE;
          case DONE -> ServiceRequestStatus.COMPLETED;
          case DECLINED, CANCELLED -> ServiceRequestStatus.REVOKED;
        };
    assertThat(s.getStatus()).isEqualTo(expected);
    assertThat(s.getIntent())
        .isEqualTo(
            status == PlanItemStatus.PROPOSED || status == PlanItemStatus.DECLINED
                ? ServiceRequestIntent.PROPOSAL
                : ServiceRequestIntent.ORDER);
  }
}
