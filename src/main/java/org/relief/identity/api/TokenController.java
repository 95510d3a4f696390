package org.relief.identity.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry;
import org.relief.audit.AuditEntry.ActorType;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.platform.SmartScopes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth 2.0 token endpoint for the client-credentials grant (RFC 6749 §4.4), with HTTP Basic
 * client authentication (§2.3.1) and errors as §5.2 describes them.
 */
@RestController
class TokenController {

  private final ApiClients clients;
  private final AuditTrail audit;

  TokenController(ApiClients clients, AuditTrail audit) {
    this.clients = clients;
    this.audit = audit;
  }

  @PostMapping(path = "/oauth2/token", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> token(
      @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestParam(value = "grant_type", required = false) String grantType,
      @RequestParam(value = "scope", required = false) String scope,
      @RequestParam(value = "patient", required = false) String patient,
      HttpServletRequest request) {
    Optional<String[]> basic = basicCredentials(authorization);
    if (basic.isEmpty()) {
      return clientError(
          "invalid_client", "Authenticate the client with HTTP Basic.", null, request);
    }
    String clientId = basic.get()[0];
    var client = clients.authenticate(clientId, basic.get()[1]);
    if (client.isEmpty()) {
      return clientError("invalid_client", "Unknown client or wrong secret.", clientId, request);
    }
    if (grantType == null || grantType.isBlank()) {
      return error(
          HttpStatus.BAD_REQUEST, "invalid_request", "grant_type is required.", clientId, request);
    }
    if (!"client_credentials".equals(grantType)) {
      return error(
          HttpStatus.BAD_REQUEST,
          "unsupported_grant_type",
          "Only grant_type=client_credentials is supported.",
          clientId,
          request);
    }
    List<String> granted = client.get().scopes();
    List<String> requested =
        scope == null || scope.isBlank()
            ? granted
            : Arrays.stream(scope.trim().split("\\s+")).distinct().toList();
    // SMART launch context: patient/ scopes reach one patient, named by the client here.
    Long patientId = null;
    if (patient != null) {
      if (!patient.matches("[1-9][0-9]{0,17}")) {
        return error(
            HttpStatus.BAD_REQUEST,
            "invalid_request",
            "patient must be a Relief patient ID.",
            clientId,
            request);
      }
      patientId = Long.parseLong(patient);
      if (scope == null || scope.isBlank()) {
        requested = granted.stream().filter(s -> s.startsWith("patient/")).toList();
      }
    } else if (scope == null || scope.isBlank()) {
      requested = granted.stream().filter(s -> !s.startsWith("patient/")).toList();
    }
    for (String s : requested) {
      if (!SmartScopes.valid(s) || !SmartScopes.within(s, granted)) {
        return error(
            HttpStatus.BAD_REQUEST,
            "invalid_scope",
            "Scope '" + s + "' is not allowed for this client.",
            clientId,
            request);
      }
    }
    boolean patientScopes = requested.stream().anyMatch(s -> s.startsWith("patient/"));
    if (patientScopes != (patientId != null)) {
      return error(
          HttpStatus.BAD_REQUEST,
          "invalid_request",
          patientScopes
              ? "patient/ scopes need the patient they are for: add patient=<id>."
              : "patient=<id> goes with patient/ scopes.",
          clientId,
          request);
    }
    var token = clients.issue(client.get(), requested, patientId);
    audit.record(
        new AuditEntry(
            clientId,
            ActorType.API_CLIENT,
            AuditActions.TOKEN_ISSUED,
            "ApiClient",
            clientId,
            Outcome.SUCCESS,
            request.getRemoteAddr(),
            null));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", token.value());
    body.put("token_type", "Bearer");
    body.put("expires_in", token.lifetime().toSeconds());
    body.put("scope", String.join(" ", token.scopes()));
    if (token.patientId() != null) {
      body.put("patient", Long.toString(token.patientId()));
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header(HttpHeaders.PRAGMA, "no-cache")
        .body(body);
  }

  private ResponseEntity<Map<String, Object>> clientError(
      String code, String description, String clientId, HttpServletRequest request) {
    ResponseEntity<Map<String, Object>> answer =
        error(HttpStatus.UNAUTHORIZED, code, description, clientId, request);
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"relief\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(answer.getBody());
  }

  private ResponseEntity<Map<String, Object>> error(
      HttpStatus status,
      String code,
      String description,
      String clientId,
      HttpServletRequest request) {
    audit.record(
        new AuditEntry(
            clientId == null ? "anonymous" : clientId,
            clientId == null ? ActorType.ANONYMOUS : ActorType.API_CLIENT,
            AuditActions.TOKEN_REFUSED,
            "ApiClient",
            clientId,
            Outcome.FAILURE,
            request.getRemoteAddr(),
            code));
    return ResponseEntity.status(status)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(Map.of("error", code, "error_description", description));
  }

  private static Optional<String[]> basicCredentials(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return Optional.empty();
      }
      return Optional.of(
          new String[] {
            URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
            URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
          });
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
