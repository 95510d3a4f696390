package org.relief.identity.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry;
import org.relief.audit.AuditEntry.ActorType;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers refused API calls: 401 or 403 with a JSON body under {@code /api}, and a FHIR
 * OperationOutcome under {@code /fhir}. A presented but invalid token is audited.
 */
@Component
public class ApiErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final AuditTrail audit;

  ApiErrors(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String authorization = request.getHeader("Authorization");
    boolean presented = authorization != null && !authorization.isBlank();
    if (presented) {
      audit.record(
          new AuditEntry(
              "anonymous",
              ActorType.ANONYMOUS,
              AuditActions.TOKEN_REJECTED,
              "Endpoint",
              request.getMethod() + " " + request.getRequestURI(),
              Outcome.FAILURE,
              request.getRemoteAddr(),
              null));
    }
    response.setHeader(
        "WWW-Authenticate",
        presented ? "Bearer realm=\"relief\", error=\"invalid_token\"" : "Bearer realm=\"relief\"");
    String message =
        presented
            ? "The bearer token is unknown or has expired. Get a new one from POST /oauth2/token."
            : "A bearer token is required. Get one from POST /oauth2/token (client credentials).";
    write(response, request, 401, presented ? "invalid_token" : "unauthorized", "login", message);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"relief\", error=\"insufficient_scope\"");
    write(
        response,
        request,
        403,
        "insufficient_scope",
        "forbidden",
        "The token's scopes do not allow this request.");
  }

  private static void write(
      HttpServletResponse response,
      HttpServletRequest request,
      int status,
      String error,
      String fhirCode,
      String message)
      throws IOException {
    response.setStatus(status);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String json;
    if (request.getRequestURI().startsWith(request.getContextPath() + "/fhir")) {
      response.setContentType("application/fhir+json");
      json =
          "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
              + fhirCode
              + "\",\"diagnostics\":\""
              + message
              + "\"}]}";
    } else {
      response.setContentType("application/json");
      json = "{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}";
    }
    response.getWriter().write(json);
  }
}
