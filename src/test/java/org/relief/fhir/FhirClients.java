package org.relief.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import org.relief.support.Http;
import org.relief.support.TestAccounts;

/** HAPI's generic FHIR client against the running application, with a bearer token. */
public final class FhirClients {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  static {
    FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
  }

  private FhirClients() {}

  /** A client holding a token of the test system client limited to {@code scopes} (all if null). */
  public static IGenericClient withScopes(int port, String scopes) {
    String token = Http.api(port).token(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, scopes);
    IGenericClient client = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
    client.registerInterceptor(new BearerTokenAuthInterceptor(token));
    return client;
  }

  /** A client with every scope. */
  public static IGenericClient full(int port) {
    return withScopes(port, null);
  }

  /** The resource as JSON, for {@code FhirValidation}. */
  public static String json(org.hl7.fhir.instance.model.api.IBaseResource resource) {
    return FHIR.newJsonParser().encodeResourceToString(resource);
  }
}
