package org.relief.careers.portfolio;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.relief.careers.jobs.ProcedureFamily;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts in {@code portfolio_entry}. */
@Repository
class PortfolioRepository {

  private final JdbcClient jdbc;

  PortfolioRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      long userId,
      ProcedureFamily family,
      Guidance guidance,
      CaseRole role,
      YearMonth month,
      int cases,
      EntrySource source,
      String note,
      Long linkId,
      Long attestedBy,
      Instant attestedAt,
      Instant now) {
    return jdbc.sql(
            """
            INSERT INTO portfolio_entry (user_id, procedure_family, guidance, case_role, month,
                cases, source, note, practice_link_id, attested_by, attested_at, created_at)
            VALUES (:u, :family, :guidance, :role, :month, :cases, :source, :note, :link,
                :attestedBy, :attestedAt, :now)
            RETURNING id
            """)
        .param("u", userId)
        .param("family", family.name())
        .param("guidance", guidance.name())
        .param("role", role.name())
        .param("month", Date.valueOf(month.atDay(1)))
        .param("cases", cases)
        .param("source", source.name())
        .param("note", note)
        .param("link", linkId)
        .param("attestedBy", attestedBy)
        .param("attestedAt", attestedAt == null ? null : Timestamp.from(attestedAt))
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  boolean removeSelfReported(long userId, long id) {
    return jdbc.sql(
                "DELETE FROM portfolio_entry WHERE id = :id AND user_id = :u"
                    + " AND source = 'SELF_REPORTED'")
            .param("id", id)
            .param("u", userId)
            .update()
        == 1;
  }

  /** Removes the verified counts of a link in a period before a new attestation replaces them. */
  void removeVerified(long linkId, YearMonth from, YearMonth to) {
    jdbc.sql(
            "DELETE FROM portfolio_entry WHERE practice_link_id = :link AND source = 'VERIFIED'"
                + " AND month BETWEEN :from AND :to")
        .param("link", linkId)
        .param("from", Date.valueOf(from.atDay(1)))
        .param("to", Date.valueOf(to.atDay(1)))
        .update();
  }

  List<PortfolioEntry> between(long userId, YearMonth from, YearMonth to) {
    return jdbc.sql(
            "SELECT * FROM portfolio_entry WHERE user_id = :u AND month BETWEEN :from AND :to"
                + " ORDER BY month DESC, procedure_family, id")
        .param("u", userId)
        .param("from", Date.valueOf(from.atDay(1)))
        .param("to", Date.valueOf(to.atDay(1)))
        .query((rs, n) -> entry(rs))
        .list();
  }

  List<PortfolioEntry> selfReported(long userId) {
    return jdbc.sql(
            "SELECT * FROM portfolio_entry WHERE user_id = :u AND source = 'SELF_REPORTED'"
                + " ORDER BY month DESC, procedure_family, id")
        .param("u", userId)
        .query((rs, n) -> entry(rs))
        .list();
  }

  private static PortfolioEntry entry(ResultSet rs) throws SQLException {
    long link = rs.getLong("practice_link_id");
    Long linkId = rs.wasNull() ? null : link;
    Timestamp attested = rs.getTimestamp("attested_at");
    return new PortfolioEntry(
        rs.getLong("id"),
        ProcedureFamily.valueOf(rs.getString("procedure_family")),
        Guidance.valueOf(rs.getString("guidance")),
        CaseRole.valueOf(rs.getString("case_role")),
        YearMonth.from(rs.getDate("month").toLocalDate()),
        rs.getInt("cases"),
        EntrySource.valueOf(rs.getString("source")),
        rs.getString("note"),
        linkId,
        attested == null ? null : attested.toInstant());
  }
}
