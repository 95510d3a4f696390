package org.relief.careers.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Outreach messages, their reason lines and blocks. Also narrows the specialists who could be
 * contacted about a posting with the cheap parts of their private criteria, so that the matcher,
 * which decides, runs on few profiles; the narrowing only ever leaves out profiles the matcher
 * would refuse (see {@code JobMatcher.fits}).
 */
@Repository
class OutreachRepository {

  /** The first key of this module's advisory locks ("outreach" in letters on a phone pad). */
  private static final int LOCK_SPACE = 68873224;

  private final JdbcClient jdbc;

  OutreachRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Specialists who allow contact, have not blocked the organisation, and whose states, settings
   * and call limit the posting could meet. Minimum compensation depends on the estimate from their
   * own portfolio and is left to the matcher.
   */
  List<Long> mayFit(long employerId, String[] siteStates, String setting, Integer callNights) {
    return jdbc.sql(
            """
            SELECT p.user_id FROM specialist_profile p
            WHERE p.allow_contact
              AND (cardinality(p.pref_states) = 0 OR p.pref_states && CAST(:states AS char(2)[]))
              AND (cardinality(p.pref_settings) = 0 OR :setting = ANY (p.pref_settings))
              AND (p.pref_max_call_nights IS NULL
                   OR (CAST(:call AS integer) IS NOT NULL
                       AND CAST(:call AS integer) <= p.pref_max_call_nights))
              AND NOT EXISTS (SELECT 1 FROM outreach_block b
                              WHERE b.specialist_user_id = p.user_id AND b.employer_id = :e)
            ORDER BY p.user_id
            """)
        .param("states", siteStates)
        .param("setting", setting)
        .param("call", callNights)
        .param("e", employerId)
        .query(Long.class)
        .list();
  }

  boolean blocked(long specialistId, long employerId) {
    return jdbc.sql(
                "SELECT count(*) FROM outreach_block WHERE specialist_user_id = :s AND employer_id"
                    + " = :e")
            .param("s", specialistId)
            .param("e", employerId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** When the posting's organisation wrote to each specialist about it. */
  Map<Long, Instant> contacted(long jobId) {
    Map<Long, Instant> out = new HashMap<>();
    jdbc.sql("SELECT specialist_user_id, sent_at FROM outreach_message WHERE job_id = :j")
        .param("j", jobId)
        .query(
            (ResultSet rs) -> {
              out.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
            });
    return out;
  }

  /** Serialises sends of one recruiter so that the daily count cannot be overrun by a race. */
  void lockRecruiter(long recruiterId) {
    jdbc.sql("SELECT pg_advisory_xact_lock(:space, :k)")
        .param("space", LOCK_SPACE)
        .param("k", Long.hashCode(recruiterId))
        .query((ResultSet rs) -> {});
  }

  int sentSince(long recruiterId, Instant since) {
    return jdbc.sql(
            "SELECT count(*) FROM outreach_message WHERE recruiter_user_id = :r AND sent_at >= :t")
        .param("r", recruiterId)
        .param("t", Timestamp.from(since))
        .query(Integer.class)
        .single();
  }

  boolean exists(long jobId, long specialistId) {
    return jdbc.sql(
                "SELECT count(*) FROM outreach_message WHERE job_id = :j AND specialist_user_id ="
                    + " :s")
            .param("j", jobId)
            .param("s", specialistId)
            .query(Long.class)
            .single()
        > 0;
  }

  long insert(
      long jobId,
      long employerId,
      long recruiterId,
      long specialistId,
      String body,
      List<ReasonLine> reason,
      Instant now) {
    long id =
        jdbc.sql(
                """
                INSERT INTO outreach_message (job_id, employer_id, recruiter_user_id,
                    specialist_user_id, body, sent_at)
                VALUES (:j, :e, :r, :s, :body, :now) RETURNING id
                """)
            .param("j", jobId)
            .param("e", employerId)
            .param("r", recruiterId)
            .param("s", specialistId)
            .param("body", body)
            .param("now", Timestamp.from(now))
            .query(Long.class)
            .single();
    int position = 0;
    for (ReasonLine line : reason) {
      jdbc.sql(
              """
              INSERT INTO outreach_reason_line (message_id, position, section, label, met, detail)
              VALUES (:m, :p, :section, :label, :met, :detail)
              """)
          .param("m", id)
          .param("p", position++)
          .param("section", line.section().name())
          .param("label", cut(line.label(), 300))
          .param("met", line.met())
          .param("detail", cut(line.detail(), 1500))
          .update();
    }
    return id;
  }

  /** A row of the message owned by the specialist, if it is theirs. */
  Optional<Long> ownedBySpecialist(long messageId, long specialistId) {
    return jdbc.sql("SELECT id FROM outreach_message WHERE id = :m AND specialist_user_id = :s")
        .param("m", messageId)
        .param("s", specialistId)
        .query(Long.class)
        .optional();
  }

  void answer(long messageId, Answer answer, String note, Instant now) {
    jdbc.sql(
            "UPDATE outreach_message SET answer = :a, answer_note = :n, answered_at = :now WHERE"
                + " id = :m")
        .param("a", answer.name())
        .param("n", note)
        .param("now", Timestamp.from(now))
        .param("m", messageId)
        .update();
  }

  record InboxRow(
      long id,
      long jobId,
      String jobTitle,
      long employerId,
      String employerName,
      long recruiterId,
      String body,
      Instant sentAt,
      Answer answer,
      String answerNote,
      Instant answeredAt,
      boolean blocked) {}

  List<InboxRow> inbox(long specialistId, int limit) {
    return jdbc.sql(
            """
            SELECT m.*, j.title, e.name AS employer_name,
                   EXISTS (SELECT 1 FROM outreach_block b WHERE b.specialist_user_id = m.specialist_user_id
                           AND b.employer_id = m.employer_id) AS blocked
            FROM outreach_message m
            JOIN job_posting j ON j.id = m.job_id
            JOIN employer e ON e.id = m.employer_id
            WHERE m.specialist_user_id = :s
            ORDER BY m.sent_at DESC, m.id DESC
            LIMIT :limit
            """)
        .param("s", specialistId)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new InboxRow(
                    rs.getLong("id"),
                    rs.getLong("job_id"),
                    rs.getString("title"),
                    rs.getLong("employer_id"),
                    rs.getString("employer_name"),
                    rs.getLong("recruiter_user_id"),
                    rs.getString("body"),
                    rs.getTimestamp("sent_at").toInstant(),
                    answer(rs),
                    rs.getString("answer_note"),
                    instant(rs.getTimestamp("answered_at")),
                    rs.getBoolean("blocked")))
        .list();
  }

  Map<Long, List<ReasonLine>> reasons(List<Long> messageIds) {
    Map<Long, List<ReasonLine>> out = new HashMap<>();
    if (messageIds.isEmpty()) {
      return out;
    }
    jdbc.sql(
            "SELECT * FROM outreach_reason_line WHERE message_id = ANY (:ids) ORDER BY message_id,"
                + " position")
        .param("ids", messageIds.toArray(Long[]::new))
        .query(
            (ResultSet rs) -> {
              boolean met = rs.getBoolean("met");
              Boolean checked = rs.wasNull() ? null : met;
              out.computeIfAbsent(rs.getLong("message_id"), k -> new ArrayList<>())
                  .add(
                      new ReasonLine(
                          ReasonSection.valueOf(rs.getString("section")),
                          rs.getString("label"),
                          checked,
                          rs.getString("detail")));
            });
    return out;
  }

  record SentRow(
      long id,
      long jobId,
      String jobTitle,
      long specialistId,
      long recruiterId,
      String body,
      Instant sentAt,
      Answer answer,
      String answerNote) {}

  List<SentRow> sentByEmployer(long employerId, int limit) {
    return jdbc.sql(
            """
            SELECT m.*, j.title FROM outreach_message m JOIN job_posting j ON j.id = m.job_id
            WHERE m.employer_id = :e ORDER BY m.sent_at DESC, m.id DESC LIMIT :limit
            """)
        .param("e", employerId)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new SentRow(
                    rs.getLong("id"),
                    rs.getLong("job_id"),
                    rs.getString("title"),
                    rs.getLong("specialist_user_id"),
                    rs.getLong("recruiter_user_id"),
                    rs.getString("body"),
                    rs.getTimestamp("sent_at").toInstant(),
                    answer(rs),
                    rs.getString("answer_note")))
        .list();
  }

  void block(long specialistId, long employerId, Instant now) {
    jdbc.sql(
            "INSERT INTO outreach_block (specialist_user_id, employer_id, blocked_at) VALUES (:s,"
                + " :e, :now) ON CONFLICT DO NOTHING")
        .param("s", specialistId)
        .param("e", employerId)
        .param("now", Timestamp.from(now))
        .update();
  }

  boolean unblock(long specialistId, long employerId) {
    return jdbc.sql("DELETE FROM outreach_block WHERE specialist_user_id = :s AND employer_id = :e")
            .param("s", specialistId)
            .param("e", employerId)
            .update()
        == 1;
  }

  record BlockedEmployer(long employerId, String name, Instant blockedAt) {}

  List<BlockedEmployer> blocks(long specialistId) {
    return jdbc.sql(
            """
            SELECT b.employer_id, e.name, b.blocked_at FROM outreach_block b
            JOIN employer e ON e.id = b.employer_id
            WHERE b.specialist_user_id = :s ORDER BY lower(e.name)
            """)
        .param("s", specialistId)
        .query(
            (rs, n) ->
                new BlockedEmployer(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .list();
  }

  private static Answer answer(ResultSet rs) throws SQLException {
    String a = rs.getString("answer");
    return a == null ? null : Answer.valueOf(a);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
