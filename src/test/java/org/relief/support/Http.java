package org.relief.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client against the running application: real requests, real cookies, real CSRF
 * tokens, no mocks. Redirects are not followed so that tests see them.
 */
public final class Http {

  public static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient client;

  private Http(String base, HttpClient client) {
    this.base = base;
    this.client = client;
  }

  /** A client without cookies (API calls). */
  public static Http api(int port) {
    return new Http(
        "http://localhost:" + port,
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
  }

  /** A client that keeps cookies, like a browser (pages). */
  public static Http browser(int port) {
    return new Http(
        "http://localhost:" + port,
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager())
            .build());
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET().build());
  }

  public HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) {
    return send(
        request(path, headers)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build());
  }

  /** Posts an already encoded form body, for forms that repeat a field (several checkboxes). */
  public HttpResponse<String> postRaw(String path, String encodedForm, String... headers) {
    return send(
        request(path, headers)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encodedForm))
            .build());
  }

  public HttpResponse<String> postJson(String path, String json, String... headers) {
    return send(
        request(path, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** Posts a form from a page: fetches the page, takes its CSRF token and sends it along. */
  public HttpResponse<String> submit(String pagePath, String action, Map<String, String> form) {
    Map<String, String> withToken = new LinkedHashMap<>(form);
    withToken.put("_csrf", csrfTokenOf(get(pagePath).body()));
    return postForm(action, withToken);
  }

  /** Signs in through the login form; returns the response to the form post. */
  public HttpResponse<String> signIn(String username, String password) {
    return submit("/login", "/login", Map.of("username", username, "password", password));
  }

  /** A bearer token for the test system client, limited to the given scopes (all if none). */
  public String token(String clientId, String secret, String scopes) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    if (scopes != null) {
      form.put("scope", scopes);
    }
    var response = postForm("/oauth2/token", form, "Authorization", basic(clientId, secret));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("No token: " + response.statusCode() + " " + response.body());
    }
    return json(response).get("access_token").asText();
  }

  public static String basic(String id, String secret) {
    return "Basic "
        + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  public static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  public static String csrfTokenOf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("The page has no CSRF token");
    }
    return m.group(1);
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
