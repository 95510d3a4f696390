package org.relief.fhir.server;

import ca.uhn.fhir.i18n.Msg;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * A write Relief does not offer on a resource type it serves (POST or PUT on its read-only
 * Questionnaires, DELETE anywhere) is 405 Method Not Allowed with an OperationOutcome, not HAPI's
 * 400 "does not know how to handle". Runs before {@link OperationOutcomeErrors}.
 */
@Interceptor
final class UnsupportedInteractions {

  private static final Set<RequestTypeEnum> WRITES =
      Set.of(
          RequestTypeEnum.POST, RequestTypeEnum.PUT, RequestTypeEnum.DELETE, RequestTypeEnum.PATCH);

  @Hook(value = Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION, order = -1)
  BaseServerResponseException map(RequestDetails request, Throwable thrown) {
    if (!(thrown instanceof InvalidRequestException unknown)
        || unknown.getMessage() == null
        || !unknown.getMessage().startsWith(Msg.code(303))
        || request.getResourceName() == null
        || request.getOperation() != null
        || !WRITES.contains(request.getRequestType())) {
      return null;
    }
    String message =
        "Relief does not allow "
            + request.getRequestType()
            + " on "
            + request.getResourceName()
            + (request.getId() == null ? "" : "/" + request.getId().getIdPart())
            + "; GET /fhir/metadata lists what it supports.";
    return new MethodNotAllowedException(
        message, OperationOutcomeErrors.outcome(IssueType.NOTSUPPORTED, "not-allowed", message));
  }
}
