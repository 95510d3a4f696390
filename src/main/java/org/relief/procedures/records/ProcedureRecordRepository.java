package org.relief.procedures.records;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.relief.procedures.Laterality;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures.Completed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code procedure_record} table. */
@Repository
public class ProcedureRecordRepository {

  private static final String COLUMNS =
      "id, patient_id, procedure_type, performed_on, operator_user_id, levels, laterality,"
          + " pre_nrs, post_nrs, synthetic";

  private final JdbcClient jdbc;

  ProcedureRecordRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insertCompleted(Completed done, boolean synthetic, Instant now) {
    return jdbc.sql(
            """
            INSERT INTO procedure_record (patient_id, procedure_type, performed_on,
                operator_user_id, levels, laterality, pre_nrs, post_nrs, status, completed_at,
                synthetic, created_at)
            VALUES (:patient, :type, :on, :operator, :levels, :side, :pre, :post, 'completed',
                :now, :synthetic, :now)
            RETURNING id
            """)
        .param("patient", done.patientId())
        .param("type", done.procedureType())
        .param("on", done.performedOn())
        .param("operator", done.operatorUserId())
        .param("levels", done.levels().toArray(String[]::new))
        .param("side", done.laterality().code())
        .param("pre", done.preProcedureNrs())
        .param("post", done.postProcedureNrs())
        .param("now", Timestamp.from(now))
        .param("synthetic", synthetic)
        .query(Long.class)
        .single();
  }

  public Optional<PerformedProcedure> findCompleted(long id) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM procedure_record WHERE id = ? AND status = 'completed'")
        .param(id)
        .query(ProcedureRecordRepository::performed)
        .optional();
  }

  public List<PerformedProcedure> findCompletedByPatient(long patientId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM procedure_record WHERE patient_id = ? AND status = 'completed'"
                + " ORDER BY performed_on, id")
        .param(patientId)
        .query(ProcedureRecordRepository::performed)
        .list();
  }

  public List<PerformedProcedure> findCompletedByOperator(
      long operatorUserId, LocalDate from, LocalDate to) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM procedure_record WHERE operator_user_id = ? AND status = 'completed'"
                + " AND performed_on BETWEEN ? AND ? ORDER BY performed_on, id")
        .params(operatorUserId, from, to)
        .query(ProcedureRecordRepository::performed)
        .list();
  }

  private static PerformedProcedure performed(ResultSet rs, int row) throws SQLException {
    Array levels = rs.getArray("levels");
    return new PerformedProcedure(
        rs.getLong("id"),
        rs.getLong("patient_id"),
        rs.getString("procedure_type"),
        rs.getObject("performed_on", LocalDate.class),
        rs.getLong("operator_user_id"),
        Arrays.asList((String[]) levels.getArray()),
        Laterality.fromCode(rs.getString("laterality")),
        (Integer) rs.getObject("pre_nrs", Integer.class),
        (Integer) rs.getObject("post_nrs", Integer.class),
        rs.getBoolean("synthetic"));
  }
}
