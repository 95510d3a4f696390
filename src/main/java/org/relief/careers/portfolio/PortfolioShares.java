package org.relief.careers.portfolio;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.careers.specialists.SpecialistProfiles;
import org.relief.identity.UserAccounts;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time-limited share links to a portfolio. The token is shown once, when the link is made; only its
 * digest is stored. An expired or revoked link is refused (410), an unknown one is "not found".
 */
@Service
public class PortfolioShares {

  private static final String AUDIT_TYPE = "PortfolioShare";

  /** A new link and the token to put in its address (shown once). */
  public record Created(PortfolioShare share, String token) {}

  /** Why a link opened nothing. */
  public static final class Expired extends RuntimeException {
    Expired() {
      super("This portfolio link has expired or was withdrawn.");
    }
  }

  private final JdbcClient jdbc;
  private final Portfolios portfolios;
  private final SpecialistProfiles profiles;
  private final UserAccounts accounts;
  private final PortfolioSettings settings;
  private final PracticeSettings practice;
  private final AuditTrail audit;
  private final Clock clock;

  PortfolioShares(
      JdbcClient jdbc,
      Portfolios portfolios,
      SpecialistProfiles profiles,
      UserAccounts accounts,
      PortfolioSettings settings,
      PracticeSettings practice,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.portfolios = portfolios;
    this.profiles = profiles;
    this.accounts = accounts;
    this.settings = settings;
    this.practice = practice;
    this.audit = audit;
    this.clock = clock;
  }

  public int defaultDays() {
    return settings.shareDays();
  }

  public int maxDays() {
    return settings.shareMaxDays();
  }

  @Transactional
  public Created create(long userId, Integer days, YearMonth from, YearMonth to) {
    profiles.own(userId);
    int d = days == null ? settings.shareDays() : days;
    if (d < 1 || d > settings.shareMaxDays()) {
      throw new RuleViolation(
          "share-days", "A share link works for 1 to " + settings.shareMaxDays() + " days.");
    }
    Portfolios.checkPeriod(from, to);
    String token = ShareToken.generate();
    var now = clock.instant();
    long id =
        jdbc.sql(
                "INSERT INTO portfolio_share (user_id, token_digest, period_from, period_to,"
                    + " created_at, expires_at) VALUES (:u, :digest, :from, :to, :now, :expires)"
                    + " RETURNING id")
            .param("u", userId)
            .param("digest", ShareToken.digest(token))
            .param("from", Date.valueOf(from.atDay(1)))
            .param("to", Date.valueOf(to.atDay(1)))
            .param("now", Timestamp.from(now))
            .param("expires", Timestamp.from(now.plus(Duration.ofDays(d))))
            .query(Long.class)
            .single();
    audit.recordAccess(AuditActions.CREATE, AUDIT_TYPE, Long.toString(id), Outcome.SUCCESS);
    return new Created(find(id).orElseThrow(), token);
  }

  @Transactional
  public void revoke(long userId, long shareId) {
    int changed =
        jdbc.sql(
                "UPDATE portfolio_share SET revoked_at = :now WHERE id = :id AND user_id = :u"
                    + " AND revoked_at IS NULL")
            .param("now", Timestamp.from(clock.instant()))
            .param("id", shareId)
            .param("u", userId)
            .update();
    if (changed != 1) {
      throw new NotFound("There is no open share link " + shareId + " of yours.");
    }
    audit.recordAccess(
        AuditActions.UPDATE, AUDIT_TYPE, Long.toString(shareId), Outcome.SUCCESS, "revoke");
  }

  public List<PortfolioShare> ofSpecialist(long userId) {
    return jdbc.sql("SELECT * FROM portfolio_share WHERE user_id = :u ORDER BY created_at DESC")
        .param("u", userId)
        .query(PortfolioShares::share)
        .list();
  }

  /** Opens a link: the portfolio it shares, or {@link Expired}, or "not found". */
  public SharedPortfolio open(String token) {
    PortfolioShare share =
        jdbc.sql("SELECT * FROM portfolio_share WHERE token_digest = :d")
            .param("d", ShareToken.digest(token))
            .query(PortfolioShares::share)
            .optional()
            .orElseThrow(() -> new NotFound("There is no such portfolio link."));
    if (!share.openAt(clock.instant())) {
      audit.recordAccess(
          AuditActions.READ, AUDIT_TYPE, Long.toString(share.id()), Outcome.DENIED, "expired");
      throw new Expired();
    }
    audit.recordAccess(AuditActions.READ, AUDIT_TYPE, Long.toString(share.id()), Outcome.SUCCESS);
    return new SharedPortfolio(
        accounts.get(share.userId()).displayName(),
        portfolios.portfolio(share.userId(), share.from(), share.to()),
        share.expiresAt(),
        practice.name());
  }

  private Optional<PortfolioShare> find(long id) {
    return jdbc.sql("SELECT * FROM portfolio_share WHERE id = :id")
        .param("id", id)
        .query(PortfolioShares::share)
        .optional();
  }

  private static PortfolioShare share(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new PortfolioShare(
        rs.getLong("id"),
        rs.getLong("user_id"),
        YearMonth.from(rs.getDate("period_from").toLocalDate()),
        YearMonth.from(rs.getDate("period_to").toLocalDate()),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant(),
        revoked == null ? null : revoked.toInstant());
  }
}
