package org.relief.identity.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.relief.identity.IdentitySettings;
import org.relief.platform.SmartScopes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API clients (OAuth2 client credentials) and the opaque bearer tokens issued to them.
 *
 * <p>Design notes. Tokens are 256-bit random strings; only their SHA-256 digest is stored, so a
 * copy of the database grants nothing. Being rows in PostgreSQL, tokens work on every node and can
 * be revoked at once, which a self-contained JWT cannot. Client secrets are hashed like passwords.
 */
@Service
public class ApiClients {

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final Clock clock;
  private final Duration lifetime;
  private final SecureRandom random = new SecureRandom();
  private final String dummyHash;

  ApiClients(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, IdentitySettings settings) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.clock = clock;
    this.lifetime = settings.tokenLifetime();
    this.dummyHash = passwords.encode("no-such-client-" + random.nextLong());
  }

  /** A client as known to the token endpoint. */
  public record Client(String clientId, List<String> scopes) {}

  /**
   * An issued token: the secret value is returned once and never stored. {@code patientId} is its
   * patient context, or null.
   */
  public record IssuedToken(String value, Duration lifetime, List<String> scopes, Long patientId) {}

  /** A valid token's holder and grants; {@code patientId} is its patient context, or null. */
  public record TokenGrant(
      String clientId, List<String> scopes, Instant expiresAt, Long patientId) {}

  /** Registers a client, or replaces its secret and scopes if it exists. */
  @Transactional
  public void register(String clientId, String secret, List<String> scopes) {
    for (String scope : scopes) {
      if (!SmartScopes.valid(scope)) {
        throw new IllegalArgumentException("Not a SMART scope: " + scope);
      }
    }
    jdbc.sql(
            """
            INSERT INTO api_client (client_id, secret_hash, scopes, created_at)
            VALUES (:id, :secret, :scopes, :now)
            ON CONFLICT (client_id) DO UPDATE
               SET secret_hash = EXCLUDED.secret_hash, scopes = EXCLUDED.scopes, enabled = true
            """)
        .param("id", clientId)
        .param("secret", passwords.encode(secret))
        .param("scopes", scopes.toArray(String[]::new))
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  /** The client if the id and secret match an enabled client; hashing time is spent either way. */
  public Optional<Client> authenticate(String clientId, String secret) {
    var row =
        jdbc.sql("SELECT secret_hash, scopes FROM api_client WHERE client_id = :id AND enabled")
            .param("id", clientId)
            .query(
                (rs, n) ->
                    new Object[] {
                      rs.getString("secret_hash"),
                      List.of((String[]) rs.getArray("scopes").getArray())
                    })
            .optional();
    boolean matches = passwords.matches(secret, row.map(r -> (String) r[0]).orElse(dummyHash));
    if (row.isEmpty() || !matches) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<String> scopes = (List<String>) row.get()[1];
    return Optional.of(new Client(clientId, scopes));
  }

  @Transactional
  public IssuedToken issue(Client client, List<String> scopes) {
    return issue(client, scopes, null);
  }

  /**
   * Issues a token; with a {@code patientId} its {@code patient/} scopes reach that patient only
   * (SMART launch context {@code patient}).
   */
  @Transactional
  public IssuedToken issue(Client client, List<String> scopes, Long patientId) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    jdbc.sql("DELETE FROM api_token WHERE expires_at < :now")
        .param("now", Timestamp.from(now))
        .update();
    jdbc.sql(
            """
            INSERT INTO api_token (token_hash, client_id, scopes, issued_at, expires_at, patient_id)
            VALUES (:hash, :client, :scopes, :now, :expires, :patient)
            """)
        .param("hash", digest(value))
        .param("client", client.clientId())
        .param("scopes", scopes.toArray(String[]::new))
        .param("now", Timestamp.from(now))
        .param("expires", Timestamp.from(now.plus(lifetime)))
        .param("patient", patientId, java.sql.Types.BIGINT)
        .update();
    return new IssuedToken(value, lifetime, scopes, patientId);
  }

  /** The grant behind a token that is known, unexpired and whose client is still enabled. */
  public Optional<TokenGrant> introspect(String token) {
    return jdbc.sql(
            """
            SELECT t.client_id, t.scopes, t.expires_at, t.patient_id FROM api_token t
            JOIN api_client c ON c.client_id = t.client_id
            WHERE t.token_hash = :hash AND t.expires_at > :now AND c.enabled
            """)
        .param("hash", digest(token))
        .param("now", Timestamp.from(clock.instant()))
        .query(
            (rs, n) ->
                new TokenGrant(
                    rs.getString("client_id"),
                    List.of((String[]) rs.getArray("scopes").getArray()),
                    rs.getTimestamp("expires_at").toInstant(),
                    rs.getObject("patient_id", Long.class)))
        .optional();
  }

  private static String digest(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
