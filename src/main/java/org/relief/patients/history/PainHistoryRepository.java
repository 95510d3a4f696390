package org.relief.patients.history;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pain histories in {@code pain_history}, their prior treatments in {@code prior_treatment}. */
@Repository
class PainHistoryRepository {

  private final JdbcClient jdbc;

  PainHistoryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the first history of a patient; false when one was saved meanwhile. */
  boolean insert(long patientId, PainHistoryDetails d, Instant now) {
    boolean inserted =
        bind(
                    jdbc.sql(
                        """
                        INSERT INTO pain_history (patient_id, onset_date, onset_precision, mechanism,
                               mechanism_note, characters, aggravating, aggravating_other, relieving,
                               relieving_other, updated_at)
                        VALUES (:patient, :onset, :precision, :mechanism, :note, :characters,
                                :aggravating, :aggravatingOther, :relieving, :relievingOther, :now)
                        ON CONFLICT (patient_id) DO NOTHING
                        """),
                    patientId,
                    d,
                    now)
                .update()
            == 1;
    if (inserted) {
      insertTreatments(patientId, d.treatments());
    }
    return inserted;
  }

  /** Replaces the history when its stored version is still {@code version}. */
  boolean update(long patientId, int version, PainHistoryDetails d, Instant now) {
    boolean updated =
        bind(
                    jdbc.sql(
                        """
                        UPDATE pain_history SET onset_date = :onset, onset_precision = :precision,
                               mechanism = :mechanism, mechanism_note = :note,
                               characters = :characters, aggravating = :aggravating,
                               aggravating_other = :aggravatingOther, relieving = :relieving,
                               relieving_other = :relievingOther, updated_at = :now,
                               version = version + 1
                        WHERE patient_id = :patient AND version = :version
                        """),
                    patientId,
                    d,
                    now)
                .param("version", version)
                .update()
            == 1;
    if (updated) {
      jdbc.sql("DELETE FROM prior_treatment WHERE patient_id = :patient")
          .param("patient", patientId)
          .update();
      insertTreatments(patientId, d.treatments());
    }
    return updated;
  }

  Optional<PainHistory> find(long patientId) {
    List<PriorTreatment> treatments = treatments(patientId);
    return jdbc.sql("SELECT * FROM pain_history WHERE patient_id = :patient")
        .param("patient", patientId)
        .query((rs, row) -> history(rs, treatments))
        .optional();
  }

  private List<PriorTreatment> treatments(long patientId) {
    return jdbc.sql("SELECT * FROM prior_treatment WHERE patient_id = :patient ORDER BY position")
        .param("patient", patientId)
        .query(
            (rs, row) ->
                new PriorTreatment(
                    TreatmentType.valueOf(rs.getString("type")),
                    rs.getString("description"),
                    date(rs, "started_on"),
                    date(rs, "ended_on"),
                    rs.getString("effect") == null
                        ? null
                        : TreatmentEffect.valueOf(rs.getString("effect"))))
        .list();
  }

  private void insertTreatments(long patientId, List<PriorTreatment> treatments) {
    for (int i = 0; i < treatments.size(); i++) {
      PriorTreatment t = treatments.get(i);
      jdbc.sql(
              """
              INSERT INTO prior_treatment (patient_id, position, type, description, started_on,
                                           ended_on, effect)
              VALUES (:patient, :position, :type, :description, :from, :to, :effect)
              """)
          .param("patient", patientId)
          .param("position", i)
          .param("type", t.type().name())
          .param("description", t.description())
          .param("from", sqlDate(t.startedOn()))
          .param("to", sqlDate(t.endedOn()))
          .param("effect", t.effect() == null ? null : t.effect().name())
          .update();
    }
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec sql, long patientId, PainHistoryDetails d, Instant now) {
    return sql.param("patient", patientId)
        .param("onset", d.onset() == null ? null : Date.valueOf(d.onset().date()))
        .param("precision", d.onset() == null ? null : d.onset().precision().name())
        .param("mechanism", d.mechanism() == null ? null : d.mechanism().name())
        .param("note", d.mechanismNote())
        .param("characters", names(d.characters()))
        .param("aggravating", names(d.aggravating()))
        .param("aggravatingOther", d.aggravatingOther())
        .param("relieving", names(d.relieving()))
        .param("relievingOther", d.relievingOther())
        .param("now", Timestamp.from(now));
  }

  private static String[] names(Collection<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).toArray(String[]::new);
  }

  private static PainHistory history(ResultSet rs, List<PriorTreatment> treatments)
      throws SQLException {
    LocalDate onsetDate = date(rs, "onset_date");
    Onset onset =
        onsetDate == null
            ? null
            : new Onset(onsetDate, OnsetPrecision.valueOf(rs.getString("onset_precision")));
    String mechanism = rs.getString("mechanism");
    return new PainHistory(
        rs.getLong("patient_id"),
        new PainHistoryDetails(
            onset,
            mechanism == null ? null : OnsetMechanism.valueOf(mechanism),
            rs.getString("mechanism_note"),
            codes(rs.getArray("characters"), PainCharacter.class),
            codes(rs.getArray("aggravating"), AggravatingFactor.class),
            rs.getString("aggravating_other"),
            codes(rs.getArray("relieving"), RelievingFactor.class),
            rs.getString("relieving_other"),
            treatments),
        rs.getInt("version"),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static <E extends Enum<E>> Set<E> codes(Array array, Class<E> type) throws SQLException {
    EnumSet<E> set = EnumSet.noneOf(type);
    for (Object code : (Object[]) array.getArray()) {
      set.add(Enum.valueOf(type, (String) code));
    }
    return set;
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static Date sqlDate(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }
}
