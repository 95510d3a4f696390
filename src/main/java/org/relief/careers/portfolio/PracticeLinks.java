package org.relief.careers.portfolio;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.careers.jobs.ProcedureFamily;
import org.relief.careers.specialists.SpecialistProfiles;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.platform.NotFound;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links between a specialist and the practice account they perform procedures under, and the
 * verified counts that come through them.
 *
 * <p>Design notes. A specialist can only ask; the practice administrator attests that the two
 * accounts are the same person, and then attests the counts for a period. Counts are recomputed
 * from {@link PerformedProcedures#byOperator} at the moment of attestation (never taken from the
 * form) and reduced at once to family × month: the procedure's ID, patient, levels, side and exact
 * day are dropped in this class and never stored or shown in careers. Re-attesting a period
 * replaces that period's verified counts, so attesting is idempotent.
 */
@Service
public class PracticeLinks {

  private static final Logger log = LoggerFactory.getLogger(PracticeLinks.class);
  private static final String AUDIT_TYPE = "PracticeLink";

  private final JdbcClient jdbc;
  private final UserAccounts accounts;
  private final SpecialistProfiles profiles;
  private final PerformedProcedures procedures;
  private final PortfolioRepository entries;
  private final AuditTrail audit;
  private final Clock clock;

  PracticeLinks(
      JdbcClient jdbc,
      UserAccounts accounts,
      SpecialistProfiles profiles,
      PerformedProcedures procedures,
      PortfolioRepository entries,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.profiles = profiles;
    this.procedures = procedures;
    this.entries = entries;
    this.audit = audit;
    this.clock = clock;
  }

  /** The specialist asks to link the practice account {@code practiceUsername} to their profile. */
  @Transactional
  public PracticeLink request(long specialistUserId, String practiceUsername) {
    profiles.own(specialistUserId);
    String name = practiceUsername == null ? "" : practiceUsername.strip();
    UserAccount practice =
        accounts
            .findByUsername(name)
            .filter(a -> a.has(Role.PAIN_PHYSICIAN) || a.has(Role.SURGEON))
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "no-physician-account",
                        "There is no physician account '"
                            + name
                            + "' in this practice; give the username you sign in with there."));
    boolean exists =
        jdbc.sql(
                    "SELECT count(*) FROM practice_link WHERE specialist_user_id = :s"
                        + " AND practice_user_id = :p")
                .param("s", specialistUserId)
                .param("p", practice.id())
                .query(Long.class)
                .single()
            > 0;
    if (exists) {
      throw new RuleViolation(
          "link-exists", "You have already asked to link the account '" + name + "'.");
    }
    long id =
        jdbc.sql(
                "INSERT INTO practice_link (specialist_user_id, practice_user_id, status,"
                    + " requested_at) VALUES (:s, :p, 'REQUESTED', :now) RETURNING id")
            .param("s", specialistUserId)
            .param("p", practice.id())
            .param("now", Timestamp.from(clock.instant()))
            .query(Long.class)
            .single();
    audit.recordAccess(AuditActions.CREATE, AUDIT_TYPE, Long.toString(id), Outcome.SUCCESS);
    log.info("Practice link {} requested by specialist {}", id, specialistUserId);
    return get(id);
  }

  public List<PracticeLink> ofSpecialist(long specialistUserId) {
    return jdbc.sql("SELECT * FROM practice_link WHERE specialist_user_id = :s ORDER BY id")
        .param("s", specialistUserId)
        .query(PracticeLinks::link)
        .list();
  }

  /** Every link, those waiting first (for the practice administrator). */
  public List<PracticeLink> all() {
    return jdbc.sql(
            "SELECT * FROM practice_link ORDER BY CASE status WHEN 'REQUESTED' THEN 0 ELSE 1 END,"
                + " requested_at DESC")
        .query(PracticeLinks::link)
        .list();
  }

  public PracticeLink get(long id) {
    return jdbc.sql("SELECT * FROM practice_link WHERE id = :id")
        .param("id", id)
        .query(PracticeLinks::link)
        .optional()
        .orElseThrow(() -> new NotFound("There is no practice link " + id + "."));
  }

  /** The administrator confirms (or refuses) that both accounts are the same person. */
  @Transactional
  public PracticeLink decide(long adminUserId, long linkId, boolean attest) {
    PracticeLink link = get(linkId);
    if (link.status() != PracticeLink.Status.REQUESTED) {
      throw new RuleViolation(
          "link-decided", "This link is already " + link.status().label().toLowerCase() + ".");
    }
    jdbc.sql(
            "UPDATE practice_link SET status = :status, decided_by = :by, decided_at = :now"
                + " WHERE id = :id")
        .param("status", attest ? "ATTESTED" : "REFUSED")
        .param("by", adminUserId)
        .param("now", Timestamp.from(clock.instant()))
        .param("id", linkId)
        .update();
    audit.recordAccess(
        AuditActions.UPDATE,
        AUDIT_TYPE,
        Long.toString(linkId),
        Outcome.SUCCESS,
        attest ? "attest link" : "refuse link");
    return get(linkId);
  }

  /** The practice account's procedures over whole months, as counts by family and month. */
  public ProcedureCounts counts(long linkId, YearMonth from, YearMonth to) {
    PracticeLink link = get(linkId);
    Portfolios.checkPeriod(from, to);
    Map<String, Integer> byKey = new TreeMap<>();
    int outside = 0;
    for (PerformedProcedure p :
        procedures.byOperator(link.practiceUserId(), from.atDay(1), to.atEndOfMonth())) {
      var family = CatalogueFamilies.of(p.procedureType());
      if (family.isEmpty()) {
        outside++;
      } else {
        byKey.merge(family.get().name() + "|" + YearMonth.from(p.performedOn()), 1, Integer::sum);
      }
    }
    List<VerifiedCount> counts =
        byKey.entrySet().stream()
            .map(
                e -> {
                  String[] k = e.getKey().split("\\|");
                  return new VerifiedCount(
                      ProcedureFamily.valueOf(k[0]), YearMonth.parse(k[1]), e.getValue());
                })
            .toList();
    return new ProcedureCounts(counts, outside);
  }

  /**
   * The administrator attests the counts of a period; they replace that period's verified counts.
   */
  @Transactional
  public ProcedureCounts attestCounts(long adminUserId, long linkId, YearMonth from, YearMonth to) {
    PracticeLink link = get(linkId);
    if (link.status() != PracticeLink.Status.ATTESTED) {
      throw new RuleViolation(
          "link-not-attested", "Attest that the accounts belong to one person before the counts.");
    }
    if (to.isAfter(YearMonth.from(profiles.today()))) {
      throw new RuleViolation("period-in-future", "Counts can be attested up to this month only.");
    }
    ProcedureCounts counts = counts(linkId, from, to);
    entries.removeVerified(linkId, from, to);
    var now = clock.instant();
    for (VerifiedCount c : counts.counts()) {
      entries.insert(
          link.specialistUserId(),
          c.family(),
          Guidance.NOT_RECORDED,
          CaseRole.PRIMARY,
          c.month(),
          c.cases(),
          EntrySource.VERIFIED,
          "",
          linkId,
          adminUserId,
          now,
          now);
    }
    audit.recordAccess(
        AuditActions.UPDATE,
        AUDIT_TYPE,
        Long.toString(linkId),
        Outcome.SUCCESS,
        "attest counts " + from + ".." + to + ": " + counts.total());
    log.info("Practice link {} counts attested for {}..{}", linkId, from, to);
    return counts;
  }

  private static PracticeLink link(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    long by = rs.getLong("decided_by");
    Long decidedBy = rs.wasNull() ? null : by;
    Timestamp at = rs.getTimestamp("decided_at");
    return new PracticeLink(
        rs.getLong("id"),
        rs.getLong("specialist_user_id"),
        rs.getLong("practice_user_id"),
        PracticeLink.Status.valueOf(rs.getString("status")),
        rs.getTimestamp("requested_at").toInstant(),
        decidedBy,
        at == null ? null : at.toInstant());
  }
}
