package org.relief.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** Says in {@code GET /fhir/metadata} how a client gets in: SMART system scopes, OAuth2. */
@Interceptor
final class SecurityInCapabilityStatement {

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  void describeSecurity(IBaseConformance generated) {
    if (!(generated instanceof CapabilityStatement statement)) {
      return;
    }
    statement.setPublisher("Relief");
    for (var rest : statement.getRest()) {
      rest.getSecurity()
          .setCors(false)
          .addService(
              new CodeableConcept()
                  .addCoding(
                      new Coding(
                          "http://terminology.hl7.org/CodeSystem/restful-security-service",
                          "SMART-on-FHIR",
                          "SMART-on-FHIR")))
          .setDescription(
              "OAuth2 client credentials: POST /oauth2/token gives a bearer token with SMART"
                  + " system scopes (system/Patient.rs, system/Observation.cruds, ...), checked per"
                  + " resource type and interaction.");
    }
  }
}
