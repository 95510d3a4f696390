package org.relief.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.Map;
import org.relief.fhir.FhirScopes;

/**
 * Checks SMART scopes once HAPI knows the resource type and the interaction: read, vread and
 * history need {@code r}; search needs {@code s}, and {@code r} on any type it {@code _include}s;
 * create needs {@code c} (and {@code s} when conditional, since it tells whether a match exists);
 * update needs {@code u}. Batch and transaction Bundles are checked entry by entry where they are
 * processed.
 */
@Interceptor
final class ScopeInterceptor {

  private final FhirScopes scopes;

  ScopeInterceptor(FhirScopes scopes) {
    this.scopes = scopes;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  void check(RequestDetails request, RestOperationTypeEnum operation) {
    String type = request.getResourceName();
    switch (operation) {
      case METADATA, TRANSACTION, BATCH -> {}
      case READ, VREAD, HISTORY_INSTANCE, HISTORY_TYPE -> scopes.require(type, 'r');
      case SEARCH_TYPE -> {
        scopes.require(type, 's');
        for (String included : includedTypes(request)) {
          scopes.require(included, 'r');
        }
      }
      case CREATE -> {
        scopes.require(type, 'c');
        if (request.getHeader(Constants.HEADER_IF_NONE_EXIST) != null) {
          scopes.require(type, 's');
        }
      }
      case UPDATE -> scopes.require(type, 'u');
      default ->
          throw new ForbiddenOperationException(
              "Relief does not allow " + operation.getCode() + " through its FHIR API.");
    }
  }

  /** The resource types an {@code _include} brings into a search result. */
  static java.util.List<String> includedTypes(RequestDetails request) {
    Map<String, String[]> parameters = request.getParameters();
    String[] includes = parameters.get(Constants.PARAM_INCLUDE);
    if (includes == null) {
      return java.util.List.of();
    }
    return java.util.Arrays.stream(includes).map(ScopeInterceptor::targetOf).distinct().toList();
  }

  /** {@code Observation:subject} and {@code Observation:patient} bring Patients. */
  private static String targetOf(String include) {
    String[] parts = include.split(":");
    if (parts.length >= 3) {
      return parts[2];
    }
    return "Patient";
  }
}
