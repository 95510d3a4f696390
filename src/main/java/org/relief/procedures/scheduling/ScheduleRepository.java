package org.relief.procedures.scheduling;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relief.procedures.BookedProcedure;
import org.relief.procedures.BookingSearch;
import org.relief.procedures.BookingStatus;
import org.relief.procedures.Laterality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rooms, session days and bookings tables, in SQL. */
@Repository
class ScheduleRepository {

  private static final String BOOKING_COLUMNS =
      "id, patient_id, session_id, room_id, physician_id, procedure_type, levels, laterality,"
          + " sedation, steroid, high_bleeding_risk, starts_at, ends_at, status, procedure_id,"
          + " synthetic";
  private static final String SESSION_SELECT =
      "SELECT s.id, s.room_id, r.name AS room_name, s.session_date, s.starts_at, s.ends_at,"
          + " s.physician_id FROM procedure_session s JOIN procedure_room r ON r.id = s.room_id";

  private final JdbcClient jdbc;

  ScheduleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // Rooms

  long insertRoom(String name, List<Imaging> imaging, boolean synthetic, Instant now) {
    return jdbc.sql(
            "INSERT INTO procedure_room (name, imaging, active, synthetic, created_at, updated_at)"
                + " VALUES (:name, :imaging, true, :synthetic, :now, :now) RETURNING id")
        .param("name", name)
        .param("imaging", codes(imaging))
        .param("synthetic", synthetic)
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  boolean updateRoom(long id, String name, List<Imaging> imaging, boolean active, Instant now) {
    return jdbc.sql(
                "UPDATE procedure_room SET name = :name, imaging = :imaging, active = :active,"
                    + " updated_at = :now WHERE id = :id")
            .param("id", id)
            .param("name", name)
            .param("imaging", codes(imaging))
            .param("active", active)
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  Optional<ProcedureRoom> findRoom(long id) {
    return jdbc.sql("SELECT id, name, imaging, active FROM procedure_room WHERE id = ?")
        .param(id)
        .query(ScheduleRepository::room)
        .optional();
  }

  Optional<ProcedureRoom> findRoomByName(String name) {
    return jdbc.sql("SELECT id, name, imaging, active FROM procedure_room WHERE lower(name) = ?")
        .param(name.toLowerCase(java.util.Locale.ROOT))
        .query(ScheduleRepository::room)
        .optional();
  }

  List<ProcedureRoom> rooms() {
    return jdbc.sql("SELECT id, name, imaging, active FROM procedure_room ORDER BY name, id")
        .query(ScheduleRepository::room)
        .list();
  }

  // Sessions

  long insertSession(
      long roomId,
      LocalDate date,
      Instant startsAt,
      Instant endsAt,
      long physicianId,
      boolean synthetic,
      Instant now) {
    return jdbc.sql(
            "INSERT INTO procedure_session (room_id, session_date, starts_at, ends_at,"
                + " physician_id, synthetic, created_at) VALUES (:room, :date, :starts, :ends,"
                + " :physician, :synthetic, :now) RETURNING id")
        .param("room", roomId)
        .param("date", date)
        .param("starts", Timestamp.from(startsAt))
        .param("ends", Timestamp.from(endsAt))
        .param("physician", physicianId)
        .param("synthetic", synthetic)
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  Optional<SessionDay> findSession(long id) {
    return jdbc.sql(SESSION_SELECT + " WHERE s.id = ?")
        .param(id)
        .query(ScheduleRepository::session)
        .optional();
  }

  List<SessionDay> sessionsBetween(LocalDate from, LocalDate to) {
    return jdbc.sql(
            SESSION_SELECT
                + " WHERE s.session_date BETWEEN ? AND ? ORDER BY s.session_date, s.starts_at,"
                + " r.name")
        .params(from, to)
        .query(ScheduleRepository::session)
        .list();
  }

  /** Sessions of a room or a physician overlapping [from, to), for a refusal in words. */
  List<SessionDay> sessionsOverlapping(long roomId, long physicianId, Instant from, Instant to) {
    return jdbc.sql(
            SESSION_SELECT
                + " WHERE (s.room_id = :room OR s.physician_id = :physician)"
                + " AND s.starts_at < :to AND s.ends_at > :from ORDER BY s.starts_at")
        .param("room", roomId)
        .param("physician", physicianId)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(ScheduleRepository::session)
        .list();
  }

  // Bookings

  record NewBooking(
      SessionDay session,
      long patientId,
      String procedureType,
      List<String> levels,
      Laterality laterality,
      boolean sedation,
      boolean steroid,
      boolean highBleedingRisk,
      Instant startsAt,
      Instant endsAt) {}

  long insertBooking(NewBooking b, long bookedBy, boolean synthetic, Instant now) {
    return jdbc.sql(
            """
            INSERT INTO procedure_booking (session_id, room_id, physician_id, patient_id,
                procedure_type, levels, laterality, sedation, steroid, high_bleeding_risk,
                starts_at, ends_at, status, booked_by, booked_at, synthetic)
            VALUES (:session, :room, :physician, :patient, :type, :levels, :side, :sedation,
                :steroid, :bleeding, :starts, :ends, 'booked', :by, :now, :synthetic)
            RETURNING id
            """)
        .param("session", b.session().id())
        .param("room", b.session().roomId())
        .param("physician", b.session().physicianId())
        .param("patient", b.patientId())
        .param("type", b.procedureType())
        .param("levels", b.levels().toArray(String[]::new))
        .param("side", b.laterality().code())
        .param("sedation", b.sedation())
        .param("steroid", b.steroid())
        .param("bleeding", b.highBleedingRisk())
        .param("starts", Timestamp.from(b.startsAt()))
        .param("ends", Timestamp.from(b.endsAt()))
        .param("by", bookedBy)
        .param("now", Timestamp.from(now))
        .param("synthetic", synthetic)
        .query(Long.class)
        .single();
  }

  Optional<BookedProcedure> findBooking(long id) {
    return jdbc.sql("SELECT " + BOOKING_COLUMNS + " FROM procedure_booking WHERE id = ?")
        .param(id)
        .query(ScheduleRepository::booking)
        .optional();
  }

  /** The bookings matching the search and their number, soonest first, then by ID. */
  BookingSearch.Page search(BookingSearch search, int offset, int limit) {
    StringBuilder where = new StringBuilder(" WHERE true");
    Map<String, Object> params = new LinkedHashMap<>();
    if (search.bookingId() != null) {
      where.append(" AND b.id = :id");
      params.put("id", search.bookingId());
    }
    if (search.patientId() != null) {
      where.append(" AND b.patient_id = :patient");
      params.put("patient", search.patientId());
    }
    if (search.physicianId() != null) {
      where.append(" AND b.physician_id = :physician");
      params.put("physician", search.physicianId());
    }
    if (search.from() != null) {
      where.append(" AND b.starts_at >= :from");
      params.put("from", Timestamp.from(search.from()));
    }
    if (search.to() != null) {
      where.append(" AND b.starts_at < :to");
      params.put("to", Timestamp.from(search.to()));
    }
    if (!search.statuses().isEmpty()) {
      where.append(" AND b.status IN (:statuses)");
      params.put("statuses", search.statuses().stream().map(BookingStatus::code).toList());
    }
    int total =
        jdbc.sql("SELECT count(*) FROM procedure_booking b" + where)
            .params(params)
            .query(Integer.class)
            .single();
    if (total <= offset || limit <= 0) {
      return new BookingSearch.Page(List.of(), total);
    }
    params.put("offset", offset);
    params.put("limit", limit);
    List<BookingSearch.Listing> rows =
        jdbc.sql(
                "SELECT b."
                    + BOOKING_COLUMNS.replace(", ", ", b.")
                    + ", r.name AS room_name, GREATEST(b.booked_at, b.started_at, b.completed_at,"
                    + " b.cancelled_at) AS last_changed FROM procedure_booking b"
                    + " JOIN procedure_room r ON r.id = b.room_id"
                    + where
                    + " ORDER BY b.starts_at, b.id OFFSET :offset LIMIT :limit")
            .params(params)
            .query(
                (rs, n) ->
                    new BookingSearch.Listing(
                        booking(rs, n),
                        null,
                        rs.getString("room_name"),
                        rs.getTimestamp("last_changed").toInstant()))
            .list();
    return new BookingSearch.Page(rows, total);
  }

  /** Bookings still holding time in the room or for the patient that overlap [from, to). */
  List<BookedProcedure> overlapping(long roomId, long patientId, Instant from, Instant to) {
    return jdbc.sql(
            "SELECT "
                + BOOKING_COLUMNS
                + " FROM procedure_booking WHERE (room_id = :room OR patient_id = :patient)"
                + " AND status <> 'cancelled' AND starts_at < :to AND ends_at > :from"
                + " ORDER BY starts_at")
        .param("room", roomId)
        .param("patient", patientId)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(ScheduleRepository::booking)
        .list();
  }

  /** The bookings starting in [from, to), in time order, cancelled ones included. */
  List<BookedProcedure> bookingsBetween(Instant from, Instant to) {
    return jdbc.sql(
            "SELECT "
                + BOOKING_COLUMNS
                + " FROM procedure_booking WHERE starts_at >= :from AND starts_at < :to"
                + " ORDER BY starts_at, room_id, id")
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(ScheduleRepository::booking)
        .list();
  }

  List<BookedProcedure> upcomingFor(long patientId, Instant from) {
    return jdbc.sql(
            "SELECT "
                + BOOKING_COLUMNS
                + " FROM procedure_booking WHERE patient_id = :patient AND ends_at > :from"
                + " AND status IN ('booked', 'in-progress') ORDER BY starts_at, id")
        .param("patient", patientId)
        .param("from", Timestamp.from(from))
        .query(ScheduleRepository::booking)
        .list();
  }

  boolean start(long id, long by, Instant now) {
    return jdbc.sql(
                "UPDATE procedure_booking SET status = 'in-progress', started_by = :by,"
                    + " started_at = :now WHERE id = :id AND status = 'booked'")
            .param("id", id)
            .param("by", by)
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  boolean cancel(long id, long by, String reason, Instant now) {
    return jdbc.sql(
                "UPDATE procedure_booking SET status = 'cancelled', cancelled_by = :by,"
                    + " cancelled_at = :now, cancel_reason = :reason"
                    + " WHERE id = :id AND status = 'booked'")
            .param("id", id)
            .param("by", by)
            .param("reason", reason)
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  boolean complete(long id, long procedureId, Instant now) {
    return jdbc.sql(
                "UPDATE procedure_booking SET status = 'completed', procedure_id = :procedure,"
                    + " completed_at = :now WHERE id = :id AND status = 'in-progress'")
            .param("id", id)
            .param("procedure", procedureId)
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  /** The booking a performed-procedure record was made from, if it names one. */
  Optional<Long> bookingOfRecord(long procedureId) {
    return jdbc.sql("SELECT booking_id FROM procedure_record WHERE id = ?")
        .param(procedureId)
        .query((rs, row) -> (Long) rs.getObject("booking_id", Long.class))
        .optional()
        .filter(java.util.Objects::nonNull);
  }

  private static String[] codes(List<Imaging> imaging) {
    return imaging.stream().map(Imaging::code).toArray(String[]::new);
  }

  private static ProcedureRoom room(ResultSet rs, int row) throws SQLException {
    return new ProcedureRoom(
        rs.getLong("id"),
        rs.getString("name"),
        strings(rs.getArray("imaging")).stream()
            .flatMap(c -> Imaging.fromCode(c).stream())
            .toList(),
        rs.getBoolean("active"));
  }

  private static SessionDay session(ResultSet rs, int row) throws SQLException {
    return new SessionDay(
        rs.getLong("id"),
        rs.getLong("room_id"),
        rs.getString("room_name"),
        rs.getObject("session_date", LocalDate.class),
        rs.getTimestamp("starts_at").toInstant(),
        rs.getTimestamp("ends_at").toInstant(),
        rs.getLong("physician_id"));
  }

  private static BookedProcedure booking(ResultSet rs, int row) throws SQLException {
    return new BookedProcedure(
        rs.getLong("id"),
        rs.getLong("patient_id"),
        rs.getLong("session_id"),
        rs.getLong("room_id"),
        rs.getLong("physician_id"),
        rs.getString("procedure_type"),
        strings(rs.getArray("levels")),
        Laterality.fromCode(rs.getString("laterality")),
        rs.getBoolean("sedation"),
        rs.getBoolean("steroid"),
        rs.getBoolean("high_bleeding_risk"),
        rs.getTimestamp("starts_at").toInstant(),
        rs.getTimestamp("ends_at").toInstant(),
        BookingStatus.fromCode(rs.getString("status")),
        (Long) rs.getObject("procedure_id", Long.class),
        rs.getBoolean("synthetic"));
  }

  private static List<String> strings(Array array) throws SQLException {
    return Arrays.asList((String[]) array.getArray());
  }
}
