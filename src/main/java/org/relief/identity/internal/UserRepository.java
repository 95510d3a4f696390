package org.relief.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.relief.identity.UserAccount;
import org.relief.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts and their roles in {@code app_user} and {@code app_user_role}. */
@Repository
public class UserRepository {

  private static final String SELECT =
      """
      SELECT id, username, display_name, enabled, locked_until, last_signed_in_at,
             password_hash, failed_attempts
      FROM app_user
      """;

  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What sign-in needs to know about an account. */
  public record Credentials(
      long id,
      String username,
      String passwordHash,
      boolean enabled,
      Instant lockedUntil,
      int failedAttempts,
      Set<Role> roles) {}

  public long insert(
      String username, String displayName, String passwordHash, Set<Role> roles, Instant now) {
    long id =
        jdbc.sql(
                """
                INSERT INTO app_user (username, display_name, password_hash, created_at,
                                      password_changed_at)
                VALUES (:u, :d, :p, :t, :t) RETURNING id
                """)
            .param("u", username)
            .param("d", displayName)
            .param("p", passwordHash)
            .param("t", Timestamp.from(now))
            .query(Long.class)
            .single();
    replaceRoles(id, roles);
    return id;
  }

  public void replaceRoles(long id, Set<Role> roles) {
    jdbc.sql("DELETE FROM app_user_role WHERE user_id = :id").param("id", id).update();
    for (Role role : roles) {
      jdbc.sql("INSERT INTO app_user_role (user_id, role) VALUES (:id, :r)")
          .param("id", id)
          .param("r", role.name())
          .update();
    }
  }

  public Optional<UserAccount> findById(long id) {
    return accounts(SELECT + " WHERE id = :id", Map.of("id", id)).stream().findFirst();
  }

  public Optional<UserAccount> findByUsername(String username) {
    return accounts(SELECT + " WHERE username = :u", Map.of("u", username)).stream().findFirst();
  }

  public List<UserAccount> findAll() {
    return accounts(SELECT + " ORDER BY display_name, id", Map.of());
  }

  public long count() {
    return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
  }

  public Optional<Credentials> credentials(String username) {
    return jdbc.sql(SELECT + " WHERE username = :u")
        .param("u", username)
        .query(
            (rs, n) ->
                new Credentials(
                    rs.getLong("id"),
                    rs.getString("username"),
                    rs.getString("password_hash"),
                    rs.getBoolean("enabled"),
                    instant(rs.getTimestamp("locked_until")),
                    rs.getInt("failed_attempts"),
                    rolesOf(rs.getLong("id"))))
        .optional();
  }

  /**
   * Counts one failed sign-in and locks the account once {@code maxAttempts} is reached. Returns
   * whether this failure locked it.
   */
  public boolean recordFailure(long id, int maxAttempts, Instant lockUntil) {
    Integer attempts =
        jdbc.sql(
                """
                UPDATE app_user SET failed_attempts = failed_attempts + 1
                WHERE id = :id RETURNING failed_attempts
                """)
            .param("id", id)
            .query(Integer.class)
            .single();
    if (attempts >= maxAttempts) {
      jdbc.sql("UPDATE app_user SET locked_until = :t, failed_attempts = 0 WHERE id = :id")
          .param("t", Timestamp.from(lockUntil))
          .param("id", id)
          .update();
      return true;
    }
    return false;
  }

  public void recordSuccess(long id, Instant now) {
    jdbc.sql(
            """
            UPDATE app_user SET failed_attempts = 0, locked_until = NULL, last_signed_in_at = :t
            WHERE id = :id
            """)
        .param("t", Timestamp.from(now))
        .param("id", id)
        .update();
  }

  public void resetFailures(long id) {
    jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = :id")
        .param("id", id)
        .update();
  }

  public void setEnabled(long id, boolean enabled) {
    jdbc.sql("UPDATE app_user SET enabled = :e WHERE id = :id")
        .param("e", enabled)
        .param("id", id)
        .update();
  }

  public void setPassword(long id, String hash, Instant now) {
    jdbc.sql("UPDATE app_user SET password_hash = :p, password_changed_at = :t WHERE id = :id")
        .param("p", hash)
        .param("t", Timestamp.from(now))
        .param("id", id)
        .update();
  }

  private List<UserAccount> accounts(String sql, Map<String, ?> params) {
    return jdbc.sql(sql)
        .params(params)
        .query(
            (rs, n) ->
                new UserAccount(
                    rs.getLong("id"),
                    rs.getString("username"),
                    rs.getString("display_name"),
                    rolesOf(rs.getLong("id")),
                    rs.getBoolean("enabled"),
                    instant(rs.getTimestamp("locked_until")),
                    instant(rs.getTimestamp("last_signed_in_at"))))
        .list();
  }

  private Set<Role> rolesOf(long userId) {
    List<Role> roles =
        jdbc.sql("SELECT role FROM app_user_role WHERE user_id = :id")
            .param("id", userId)
            .query((rs, n) -> Role.valueOf(rs.getString("role")))
            .list();
    return roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
