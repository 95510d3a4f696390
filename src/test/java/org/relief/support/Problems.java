package org.relief.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/** Assertions on the API's refusals: RFC 9457 problem+json with Relief's stable code. */
public final class Problems {

  private Problems() {}

  /**
   * Asserts an API refusal: the status, a problem+json body carrying {@code code}, and no exception
   * text or stack trace. Returns the problem for further checks.
   */
  public static JsonNode refused(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode problem = Http.json(response);
    assertThat(problem.get("code").asText()).isEqualTo(code);
    assertThat(response.body())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("at org.");
    return problem;
  }
}
