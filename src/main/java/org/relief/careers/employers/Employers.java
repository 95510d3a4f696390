package org.relief.careers.employers;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.platform.NotFound;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Employer organisations and who recruits for them. A practice administrator creates organisations
 * and adds recruiters; a recruiter belongs to one organisation, and that membership is what every
 * posting page checks.
 */
@Service
public class Employers {

  private final JdbcClient jdbc;
  private final UserAccounts accounts;
  private final AuditTrail audit;
  private final java.time.Clock clock;

  Employers(JdbcClient jdbc, UserAccounts accounts, AuditTrail audit, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Employer create(String name, EmployerType type, boolean synthetic) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty() || clean.length() > 160) {
      throw new RuleViolation(
          "invalid-employer-name", "An organisation's name has 1 to 160 characters.");
    }
    if (type == null) {
      throw new RuleViolation("missing-employer-type", "Choose the kind of organisation.");
    }
    boolean taken =
        jdbc.sql("SELECT count(*) FROM employer WHERE lower(name) = lower(:n)")
                .param("n", clean)
                .query(Long.class)
                .single()
            > 0;
    if (taken) {
      throw new RuleViolation(
          "duplicate-employer", "An organisation named '" + clean + "' already exists.");
    }
    long id =
        jdbc.sql(
                "INSERT INTO employer (name, type, synthetic, created_at)"
                    + " VALUES (:n, :t, :s, :now) RETURNING id")
            .param("n", clean)
            .param("t", type.name())
            .param("s", synthetic)
            .param("now", Timestamp.from(clock.instant()))
            .query(Long.class)
            .single();
    audit.recordAccess(AuditActions.CREATE, "Employer", Long.toString(id), Outcome.SUCCESS);
    return get(id);
  }

  /** Makes a recruiter account a member of an organisation (moving it from any other). */
  @Transactional
  public void addRecruiter(long employerId, String username) {
    get(employerId);
    UserAccount account =
        accounts
            .findByUsername(username)
            .orElseThrow(
                () -> new RuleViolation("unknown-user", "There is no account '" + username + "'."));
    if (!account.has(Role.RECRUITER)) {
      throw new RuleViolation(
          "not-a-recruiter",
          "The account '" + account.username() + "' does not have the recruiter role.");
    }
    jdbc.sql(
            "INSERT INTO employer_recruiter (user_id, employer_id, added_at) VALUES (:u, :e, :now)"
                + " ON CONFLICT (user_id) DO UPDATE SET employer_id = :e, added_at = :now")
        .param("u", account.id())
        .param("e", employerId)
        .param("now", Timestamp.from(clock.instant()))
        .update();
    audit.recordAccess(
        AuditActions.PRIVILEGE_CHANGE,
        "Employer",
        Long.toString(employerId),
        Outcome.SUCCESS,
        "recruiter " + account.id());
  }

  public Employer get(long id) {
    return jdbc.sql(SELECT + " WHERE e.id = :id GROUP BY e.id")
        .param("id", id)
        .query(Employers::employer)
        .optional()
        .orElseThrow(() -> new NotFound("There is no employer organisation " + id + "."));
  }

  public List<Employer> all() {
    return jdbc.sql(SELECT + " GROUP BY e.id ORDER BY lower(e.name)")
        .query(Employers::employer)
        .list();
  }

  /** The organisation a recruiter works for, if any. */
  public Optional<Employer> ofRecruiter(long userId) {
    return jdbc.sql("SELECT employer_id FROM employer_recruiter WHERE user_id = :u")
        .param("u", userId)
        .query(Long.class)
        .optional()
        .map(this::get);
  }

  private static final String SELECT =
      "SELECT e.id, e.name, e.type, e.synthetic, count(r.user_id) AS recruiters FROM employer e"
          + " LEFT JOIN employer_recruiter r ON r.employer_id = e.id";

  private static Employer employer(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Employer(
        rs.getLong("id"),
        rs.getString("name"),
        EmployerType.valueOf(rs.getString("type")),
        rs.getBoolean("synthetic"),
        rs.getInt("recruiters"));
  }
}
