package org.relief.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.relief.platform.NotFound;
import org.relief.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Relief's own exceptions into FHIR answers: a {@link RuleViolation} is 422 with its stable
 * code and the clinician's message, {@link NotFound} is 404, unreadable input is 400. Anything
 * unexpected is 500 with a fixed message; its details go to the log under the request ID, never to
 * the client. HAPI's own exceptions (400, 403, 404, 409, 412) pass through as they are.
 */
@Interceptor
final class OperationOutcomeErrors {

  private static final Logger log = LoggerFactory.getLogger(OperationOutcomeErrors.class);

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  BaseServerResponseException map(RequestDetails request, Throwable thrown) {
    Throwable e = unwrap(thrown);
    if (e instanceof BaseServerResponseException answer) {
      return answer;
    }
    if (e instanceof RuleViolation rule) {
      UnprocessableEntityException answer = new UnprocessableEntityException(rule.getMessage());
      answer.setOperationOutcome(outcome(IssueType.BUSINESSRULE, rule.code(), rule.getMessage()));
      return answer;
    }
    if (e instanceof NotFound missing) {
      return new ResourceNotFoundException(missing.getMessage());
    }
    if (e instanceof DataFormatException unreadable) {
      return new InvalidRequestException(unreadable.getMessage());
    }
    log.error("FHIR request {} failed", request.getRequestId(), thrown);
    return new InternalErrorException(
        "Relief could not complete the request; it has been logged as " + request.getRequestId());
  }

  private static Throwable unwrap(Throwable thrown) {
    Throwable e = thrown;
    while ((e instanceof InternalErrorException
            || e instanceof java.lang.reflect.InvocationTargetException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** An OperationOutcome with one error issue carrying Relief's stable code. */
  static OperationOutcome outcome(IssueType type, String code, String message) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(IssueSeverity.ERROR)
        .setCode(type)
        .setDetails(
            new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(RULES, code, null)))
        .setDiagnostics(message);
    return outcome;
  }

  /** The code system of Relief's rule codes ({@code duplicate-mrn}, ...). */
  static final String RULES = "https://relief.health/fhir/CodeSystem/rule";
}
