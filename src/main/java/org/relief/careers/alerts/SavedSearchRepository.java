package org.relief.careers.alerts;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.relief.careers.jobs.JobSearch;
import org.relief.careers.jobs.JobSearchForm;
import org.relief.careers.jobs.JobSearchSql;
import org.relief.careers.jobs.Place;
import org.relief.careers.jobs.PracticeSetting;
import org.relief.careers.jobs.ProcedureFamily;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Saved searches in {@code saved_job_search}, their matches in {@code saved_search_match} and alert
 * messages in {@code careers_outbox_message}. Matching is {@link JobSearchSql#savedSearchMatches}:
 * the board's own filters read from the saved columns.
 */
@Repository
class SavedSearchRepository {

  /** New (not baseline), unseen matches whose posting is still on the board. */
  private static final String NEW_MATCH =
      "m.baseline = false AND m.seen_at IS NULL AND " + JobSearchSql.OPEN;

  private final JdbcClient jdbc;

  SavedSearchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      long specialistId,
      String name,
      JobSearch s,
      String nearAsTyped,
      boolean notify,
      Instant now) {
    return jdbc.sql(
            """
            INSERT INTO saved_job_search (specialist_id, name, state, setting, procedure,
                min_base, visa, telemedicine, call_one_in, near, near_latitude, near_longitude,
                within_miles, sort, notify, created_at)
            VALUES (:owner, :name, :state, :setting, :procedure, :minBase, :visa, :tele, :call,
                :near, :lat, :lon, :miles, :sort, :notify, :now)
            RETURNING id
            """)
        .param("owner", specialistId)
        .param("name", name)
        .param("state", s.state(), Types.CHAR)
        .param("setting", s.setting() == null ? null : s.setting().name(), Types.VARCHAR)
        .param("procedure", s.procedure() == null ? null : s.procedure().name(), Types.VARCHAR)
        .param("minBase", s.minBase(), Types.INTEGER)
        .param("visa", s.visaOnly())
        .param("tele", s.telemedicine())
        .param("call", s.callOneIn(), Types.SMALLINT)
        .param("near", s.near() == null ? null : nearAsTyped, Types.VARCHAR)
        .param("lat", s.near() == null ? null : s.near().latitude(), Types.DOUBLE)
        .param("lon", s.near() == null ? null : s.near().longitude(), Types.DOUBLE)
        .param("miles", s.withinMiles(), Types.INTEGER)
        .param("sort", s.sort().name())
        .param("notify", notify)
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  boolean nameTaken(long specialistId, String name) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM saved_job_search WHERE specialist_id = :o"
                + " AND lower(name) = lower(:n))")
        .param("o", specialistId)
        .param("n", name)
        .query(Boolean.class)
        .single();
  }

  int countOf(long specialistId) {
    return jdbc.sql("SELECT count(*) FROM saved_job_search WHERE specialist_id = :o")
        .param("o", specialistId)
        .query(Integer.class)
        .single();
  }

  List<SavedSearch> ofSpecialist(long specialistId, LocalDate today) {
    return jdbc.sql(
            "SELECT q.*, (SELECT count(*) FROM saved_search_match m JOIN job_posting j"
                + " ON j.id = m.job_id WHERE m.saved_search_id = q.id AND "
                + NEW_MATCH
                + ") AS new_matches FROM saved_job_search q WHERE q.specialist_id = :o"
                + " ORDER BY q.created_at DESC, q.id DESC")
        .param("o", specialistId)
        .param("today", Date.valueOf(today))
        .query(this::row)
        .list();
  }

  Optional<SavedSearch> find(long id, LocalDate today) {
    return jdbc.sql(
            "SELECT q.*, (SELECT count(*) FROM saved_search_match m JOIN job_posting j"
                + " ON j.id = m.job_id WHERE m.saved_search_id = q.id AND "
                + NEW_MATCH
                + ") AS new_matches FROM saved_job_search q WHERE q.id = :id")
        .param("id", id)
        .param("today", Date.valueOf(today))
        .query(this::row)
        .optional();
  }

  void delete(long id) {
    jdbc.sql("DELETE FROM saved_job_search WHERE id = :id").param("id", id).update();
  }

  /**
   * Records the postings open on {@code today} that the saved search already lists, so that they
   * never count as new: only postings that come to match later are alerts.
   */
  int recordBaseline(long savedSearchId, LocalDate today, Instant now) {
    return jdbc.sql(
            "INSERT INTO saved_search_match (saved_search_id, job_id, baseline, matched_at)"
                + " SELECT q.id, j.id, true, :now FROM saved_job_search q, job_posting j"
                + " WHERE q.id = :id AND "
                + JobSearchSql.OPEN
                + " AND "
                + JobSearchSql.savedSearchMatches("q")
                + " ON CONFLICT DO NOTHING")
        .param("id", savedSearchId)
        .param("today", Date.valueOf(today))
        .param("now", Timestamp.from(now))
        .update();
  }

  /**
   * Records a match of the posting for every saved search that lists it and has not matched it
   * before; returns the saved searches newly matched.
   */
  List<Long> recordMatches(long jobId, LocalDate today, Instant now) {
    return jdbc.sql(
            "INSERT INTO saved_search_match (saved_search_id, job_id, baseline, matched_at)"
                + " SELECT q.id, j.id, false, :now FROM saved_job_search q"
                + " JOIN job_posting j ON j.id = :job WHERE "
                + JobSearchSql.OPEN
                + " AND "
                + JobSearchSql.savedSearchMatches("q")
                + " ON CONFLICT DO NOTHING RETURNING saved_search_id")
        .param("job", jobId)
        .param("today", Date.valueOf(today))
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .list();
  }

  /** The specialists who asked for a message from any of these saved searches, once each. */
  List<Long> ownersToNotify(List<Long> savedSearchIds) {
    if (savedSearchIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT DISTINCT specialist_id FROM saved_job_search WHERE id IN (:ids) AND notify"
                + " ORDER BY specialist_id")
        .param("ids", savedSearchIds)
        .query(Long.class)
        .list();
  }

  void message(long userId, String purpose, String body, Instant now) {
    jdbc.sql(
            "INSERT INTO careers_outbox_message (user_id, purpose, body, created_at)"
                + " VALUES (:u, :p, :b, :now)")
        .param("u", userId)
        .param("p", purpose)
        .param("b", body)
        .param("now", Timestamp.from(now))
        .update();
  }

  List<NewMatch> newMatches(long specialistId, LocalDate today) {
    return jdbc.sql(
            "SELECT q.id AS search_id, q.name AS search_name, j.id AS job_id, j.title,"
                + " m.matched_at FROM saved_search_match m"
                + " JOIN saved_job_search q ON q.id = m.saved_search_id"
                + " JOIN job_posting j ON j.id = m.job_id"
                + " WHERE q.specialist_id = :o AND "
                + NEW_MATCH
                + " ORDER BY m.matched_at DESC, j.id DESC, q.id")
        .param("o", specialistId)
        .param("today", Date.valueOf(today))
        .query(
            (rs, n) ->
                new NewMatch(
                    rs.getLong("search_id"),
                    rs.getString("search_name"),
                    rs.getLong("job_id"),
                    rs.getString("title"),
                    rs.getTimestamp("matched_at").toInstant()))
        .list();
  }

  int countNew(long specialistId, LocalDate today) {
    return jdbc.sql(
            "SELECT count(DISTINCT m.job_id) FROM saved_search_match m"
                + " JOIN saved_job_search q ON q.id = m.saved_search_id"
                + " JOIN job_posting j ON j.id = m.job_id"
                + " WHERE q.specialist_id = :o AND "
                + NEW_MATCH)
        .param("o", specialistId)
        .param("today", Date.valueOf(today))
        .query(Integer.class)
        .single();
  }

  int markSeen(long specialistId, Instant now) {
    return jdbc.sql(
            "UPDATE saved_search_match m SET seen_at = :now FROM saved_job_search q"
                + " WHERE q.id = m.saved_search_id AND q.specialist_id = :o"
                + " AND m.baseline = false AND m.seen_at IS NULL")
        .param("o", specialistId)
        .param("now", Timestamp.from(now))
        .update();
  }

  private SavedSearch row(ResultSet rs, int n) throws SQLException {
    String state = rs.getString("state");
    String setting = rs.getString("setting");
    String procedure = rs.getString("procedure");
    Integer minBase = integer(rs, "min_base");
    Integer call = integer(rs, "call_one_in");
    Integer miles = integer(rs, "within_miles");
    String near = rs.getString("near");
    Double lat = rs.getObject("near_latitude", Double.class);
    Double lon = rs.getObject("near_longitude", Double.class);
    boolean visa = rs.getBoolean("visa");
    boolean tele = rs.getBoolean("telemedicine");
    JobSearch.Sort sort = JobSearch.Sort.valueOf(rs.getString("sort"));
    JobSearch search =
        new JobSearch(
            state,
            setting == null ? null : PracticeSetting.valueOf(setting),
            procedure == null ? null : ProcedureFamily.valueOf(procedure),
            minBase,
            visa ? Boolean.TRUE : null,
            sort,
            lat == null ? null : new Place(near, lat, lon),
            miles,
            call,
            tele);
    JobSearchForm form =
        new JobSearchForm(
            state,
            setting,
            procedure,
            minBase == null ? null : minBase.toString(),
            visa ? "true" : null,
            sort.name(),
            near,
            miles == null ? null : miles.toString(),
            call == null ? null : call.toString(),
            tele ? "true" : null);
    return new SavedSearch(
        rs.getLong("id"),
        rs.getLong("specialist_id"),
        rs.getString("name"),
        form,
        search,
        rs.getBoolean("notify"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getInt("new_matches"));
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }
}
