package org.relief.procedures.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only {@code procedure_readiness_entry} table. */
@Repository
class ReadinessRepository {

  /** One entry: what someone recorded on an item and when. */
  record Entry(
      long id,
      long bookingId,
      String item,
      String state,
      String note,
      String prescriber,
      LocalDate discussedOn,
      String planFingerprint,
      long recordedBy,
      Instant recordedAt) {}

  private final JdbcClient jdbc;

  ReadinessRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void append(
      long bookingId,
      ReadinessItem item,
      String state,
      String note,
      String prescriber,
      LocalDate discussedOn,
      String planFingerprint,
      long by,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO procedure_readiness_entry (booking_id, item, state, note, prescriber,
                discussed_on, plan_fingerprint, recorded_by, recorded_at)
            VALUES (:booking, :item, :state, :note, :prescriber, :discussed, :fingerprint, :by,
                :now)
            """)
        .param("booking", bookingId)
        .param("item", item.code())
        .param("state", state)
        .param("note", note)
        .param("prescriber", prescriber)
        .param("discussed", discussedOn)
        .param("fingerprint", planFingerprint)
        .param("by", by)
        .param("now", Timestamp.from(now))
        .update();
  }

  /** The latest entry per item of a booking. */
  List<Entry> latest(long bookingId) {
    return jdbc.sql(
            "SELECT DISTINCT ON (item) id, booking_id, item, state, note, prescriber,"
                + " discussed_on, plan_fingerprint, recorded_by, recorded_at"
                + " FROM procedure_readiness_entry WHERE booking_id = ? ORDER BY item, id DESC")
        .param(bookingId)
        .query(ReadinessRepository::entry)
        .list();
  }

  private static Entry entry(ResultSet rs, int row) throws SQLException {
    return new Entry(
        rs.getLong("id"),
        rs.getLong("booking_id"),
        rs.getString("item"),
        rs.getString("state"),
        rs.getString("note"),
        rs.getString("prescriber"),
        rs.getObject("discussed_on", LocalDate.class),
        rs.getString("plan_fingerprint"),
        rs.getLong("recorded_by"),
        rs.getTimestamp("recorded_at").toInstant());
  }
}
