package org.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relief.support.Http;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Crawls every mapped endpoint and calls it without signing in (security checklist #1): pages must
 * send to sign-in (or refuse a form post without a CSRF token), the API must answer 401.
 */
@ReliefIntegrationTest
class EndpointAuthenticationTest {

  /**
   * Public by design: sign-in, errors, the token endpoint, and the patient-link pages, where the
   * link's token is the credential (assessments, follow-ups and block diaries; a wrong token gets
   * 404).
   */
  private static final Set<String> PUBLIC =
      Set.of(
          "/login",
          "/error",
          "/oauth2/token",
          "/oauth2/revoke",
          "/q/{token}",
          "/q/{token}/{number:\\d{1,3}}",
          "/q/{token}/review",
          "/followup/{token}",
          "/diary/{token}",
          "/jobs",
          "/jobs/{id}",
          "/portfolio/shared/{token}");

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void healthIsPublicAndAnswersStatusOnly() {
    var response = Http.api(port).get("/actuator/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void otherActuatorEndpointsAreNotExposed() {
    assertThat(Http.api(port).get("/actuator/env").statusCode()).isIn(302, 403, 404);
    assertThat(Http.api(port).get("/actuator/beans").statusCode()).isIn(302, 403, 404);
  }

  @Test
  void noEndpointAnswersWithoutAuthentication() {
    List<String> reachable = new ArrayList<>();
    int checked = 0;
    for (var info : mappings.getHandlerMethods().keySet()) {
      Set<String> patterns = info.getPatternValues();
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : patterns) {
        if (PUBLIC.contains(pattern)) {
          continue;
        }
        String path = pattern.replaceAll("\\{[^}]+}", "patients").replace("/**", "/x");
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          Http client = Http.api(port);
          var response =
              method == RequestMethod.GET
                  ? client.get(path)
                  : client.postForm(path, Map.of("x", "1"));
          checked++;
          int status = response.statusCode();
          boolean refused =
              path.startsWith("/api/") || path.startsWith("/fhir")
                  ? status == 401
                  : (status == 302
                          && response
                              .headers()
                              .firstValue("Location")
                              .orElse("")
                              .endsWith("/login"))
                      || (method != RequestMethod.GET && status == 403);
          if (!refused) {
            reachable.add(method + " " + path + " -> " + status);
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(10);
    assertThat(reachable).as("endpoints reachable without authentication").isEmpty();
  }
}
