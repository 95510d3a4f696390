package org.relief;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relief.support.FhirValidation;
import org.relief.support.Http;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.TestAccounts;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OperationOutcomes Relief answers on /fhir pass the HAPI validator against base R4. */
@ReliefIntegrationTest
class FhirErrorsTest {

  @LocalServerPort int port;

  @Test
  void unauthenticatedAnswerIsAValidOperationOutcome() {
    var response = Http.api(port).get("/fhir/Patient");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+json"));
    assertThat(FhirValidation.errors(response.body())).isEmpty();
  }

  @Test
  void rejectedTokenAndRefusedScopeAnswersAreValidOperationOutcomes() {
    Http api = Http.api(port);
    var badToken = api.get("/fhir/Patient", "Authorization", "Bearer no-such-token");
    assertThat(badToken.statusCode()).isEqualTo(401);
    assertThat(FhirValidation.errors(badToken.body())).isEmpty();

    String token =
        api.token(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, "system/Observation.rs");
    var refused = api.get("/fhir/Patient", "Authorization", "Bearer " + token);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(FhirValidation.errors(refused.body())).isEmpty();
  }

  @Test
  void theValidatorCatchesAnInvalidOperationOutcome() {
    assertThat(
            FhirValidation.errors(
                "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"dreadful\"}]}"))
        .isNotEmpty();
  }
}
