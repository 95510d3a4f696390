package org.relief.procedures.records;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.relief.procedures.Complication;
import org.relief.procedures.Imaging;
import org.relief.procedures.Injectate;
import org.relief.procedures.InjectateDrug;
import org.relief.procedures.Laterality;
import org.relief.procedures.NoteDetails;
import org.relief.procedures.NoteDetails.Device;
import org.relief.procedures.NoteDetails.OperatorRole;
import org.relief.procedures.NoteDetails.RfParameters;
import org.relief.procedures.ProcedureNote;
import org.relief.procedures.Sedation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Procedure notes: the detail columns of {@code procedure_record} and their injectates. */
@Repository
public class ProcedureNoteRepository {

  private static final String SELECT =
      "SELECT id, patient_id, procedure_type, booking_id, operator_user_id, status, completed_at,"
          + " version, performed_on, operator_role, supervisor_user_id, levels, laterality,"
          + " approach, imaging, fluoro_seconds, fluoro_dose_mgy, contrast_agent, contrast_ml,"
          + " rf_mode, rf_temperature_c, rf_seconds, rf_lesions, device_manufacturer,"
          + " device_model, lead_count, lead_model, generator_model, generator_serial,"
          + " muscles_injected, sedation, sedation_drugs, complications, complication_note,"
          + " pre_nrs, post_nrs, note FROM procedure_record";

  private final JdbcClient jdbc;

  ProcedureNoteRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A steroid given in a completed procedure. */
  public record SteroidGiven(
      long procedureId,
      LocalDate performedOn,
      String procedureType,
      InjectateDrug drug,
      BigDecimal doseMg) {}

  public long insertDraft(
      long patientId,
      String procedureType,
      Long bookingId,
      long operatorUserId,
      NoteDetails details,
      boolean synthetic,
      Instant now) {
    long id =
        jdbc.sql(
                """
                INSERT INTO procedure_record (patient_id, procedure_type, booking_id,
                    performed_on, operator_user_id, levels, laterality, status, synthetic,
                    created_at, updated_at)
                VALUES (:patient, :type, :booking, :on, :operator, :levels, :side, 'draft',
                    :synthetic, :now, :now)
                RETURNING id
                """)
            .param("patient", patientId)
            .param("type", procedureType)
            .param("booking", bookingId, java.sql.Types.BIGINT)
            .param("on", details.performedOn())
            .param("operator", operatorUserId)
            .param("levels", details.levels().toArray(String[]::new))
            .param("side", details.laterality().code())
            .param("synthetic", synthetic)
            .param("now", Timestamp.from(now))
            .query(Long.class)
            .single();
    return id;
  }

  /**
   * Writes the note's details if the note is still a draft at this version.
   *
   * @return whether it was written (false: completed or changed meanwhile)
   */
  public boolean updateDraft(long id, int version, NoteDetails d, Instant now) {
    int updated =
        jdbc.sql(
                """
                UPDATE procedure_record SET performed_on = :on, operator_role = :role,
                    supervisor_user_id = :supervisor, levels = :levels, laterality = :side,
                    approach = :approach, imaging = :imaging, fluoro_seconds = :fluoroSeconds,
                    fluoro_dose_mgy = :fluoroDose, contrast_agent = :contrastAgent,
                    contrast_ml = :contrastMl, rf_mode = :rfMode, rf_temperature_c = :rfTemp,
                    rf_seconds = :rfSeconds, rf_lesions = :rfLesions,
                    device_manufacturer = :deviceMaker, device_model = :deviceModel,
                    lead_count = :leadCount, lead_model = :leadModel,
                    generator_model = :generatorModel, generator_serial = :generatorSerial,
                    muscles_injected = :muscles, sedation = :sedation,
                    sedation_drugs = :sedationDrugs, complications = :complications,
                    complication_note = :complicationNote, pre_nrs = :pre, post_nrs = :post,
                    note = :note, updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version AND status = 'draft'
                """)
            .param("on", d.performedOn())
            .param("role", d.operatorRole().code())
            .param("supervisor", d.supervisorUserId(), java.sql.Types.BIGINT)
            .param("levels", d.levels().toArray(String[]::new))
            .param("side", d.laterality().code())
            .param("approach", d.approach(), java.sql.Types.VARCHAR)
            .param(
                "imaging", d.imaging() == null ? null : d.imaging().name(), java.sql.Types.VARCHAR)
            .param("fluoroSeconds", d.fluoroSeconds(), java.sql.Types.NUMERIC)
            .param("fluoroDose", d.fluoroDoseMgy(), java.sql.Types.NUMERIC)
            .param("contrastAgent", d.contrastAgent(), java.sql.Types.VARCHAR)
            .param("contrastMl", d.contrastMl(), java.sql.Types.NUMERIC)
            .param("rfMode", d.rf() == null ? null : d.rf().mode(), java.sql.Types.VARCHAR)
            .param("rfTemp", d.rf() == null ? null : d.rf().temperatureC(), java.sql.Types.INTEGER)
            .param("rfSeconds", d.rf() == null ? null : d.rf().seconds(), java.sql.Types.INTEGER)
            .param("rfLesions", d.rf() == null ? null : d.rf().lesions(), java.sql.Types.INTEGER)
            .param(
                "deviceMaker",
                d.device() == null ? null : d.device().manufacturer(),
                java.sql.Types.VARCHAR)
            .param(
                "deviceModel",
                d.device() == null ? null : d.device().model(),
                java.sql.Types.VARCHAR)
            .param(
                "leadCount",
                d.device() == null ? null : d.device().leadCount(),
                java.sql.Types.INTEGER)
            .param(
                "leadModel",
                d.device() == null ? null : d.device().leadModel(),
                java.sql.Types.VARCHAR)
            .param(
                "generatorModel",
                d.device() == null ? null : d.device().generatorModel(),
                java.sql.Types.VARCHAR)
            .param(
                "generatorSerial",
                d.device() == null ? null : d.device().generatorSerial(),
                java.sql.Types.VARCHAR)
            .param("muscles", d.musclesInjected(), java.sql.Types.INTEGER)
            .param(
                "sedation",
                d.sedation() == null ? null : d.sedation().name(),
                java.sql.Types.VARCHAR)
            .param("sedationDrugs", d.sedationDrugs(), java.sql.Types.VARCHAR)
            .param(
                "complications",
                d.complications().stream().map(Enum::name).sorted().toArray(String[]::new))
            .param("complicationNote", d.complicationNote(), java.sql.Types.VARCHAR)
            .param("pre", d.preProcedureNrs(), java.sql.Types.INTEGER)
            .param("post", d.postProcedureNrs(), java.sql.Types.INTEGER)
            .param("note", d.note(), java.sql.Types.VARCHAR)
            .param("now", Timestamp.from(now))
            .param("id", id)
            .param("version", version)
            .update();
    if (updated == 0) {
      return false;
    }
    jdbc.sql("DELETE FROM procedure_injectate WHERE record_id = ?").param(id).update();
    int position = 1;
    for (Injectate injectate : d.injectates()) {
      jdbc.sql(
              "INSERT INTO procedure_injectate (record_id, position, drug, dose_mg, volume_ml)"
                  + " VALUES (?, ?, ?, ?, ?)")
          .params(id, position++, injectate.drug().code(), injectate.doseMg(), injectate.volumeMl())
          .update();
    }
    return true;
  }

  /** Locks a draft as completed if it is still at this version. */
  public boolean markCompleted(long id, int version, Instant now) {
    return jdbc.sql(
                "UPDATE procedure_record SET status = 'completed', completed_at = ?, updated_at = ?,"
                    + " version = version + 1 WHERE id = ? AND version = ? AND status = 'draft'")
            .params(Timestamp.from(now), Timestamp.from(now), id, version)
            .update()
        == 1;
  }

  public Optional<ProcedureNote> find(long id) {
    Optional<ProcedureNote> note =
        jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::note).optional();
    return note.map(n -> withInjectates(List.of(n)).get(0));
  }

  public Optional<ProcedureNote> findByBooking(long bookingId) {
    Optional<ProcedureNote> note =
        jdbc.sql(SELECT + " WHERE booking_id = ?").param(bookingId).query(this::note).optional();
    return note.map(n -> withInjectates(List.of(n)).get(0));
  }

  /** The patient's notes, drafts and completed, newest procedure first. */
  public List<ProcedureNote> ofPatient(long patientId) {
    return withInjectates(
        jdbc.sql(SELECT + " WHERE patient_id = ? ORDER BY performed_on DESC, id DESC")
            .param(patientId)
            .query(this::note)
            .list());
  }

  /** Corticosteroids given in completed procedures in a period, both days included. */
  public List<SteroidGiven> steroidsGiven(
      long patientId, LocalDate from, LocalDate to, List<String> drugs) {
    return jdbc.sql(
            """
            SELECT r.id, r.performed_on, r.procedure_type, i.drug, i.dose_mg
            FROM procedure_record r JOIN procedure_injectate i ON i.record_id = r.id
            WHERE r.patient_id = :patient AND r.status = 'completed'
              AND r.performed_on BETWEEN :from AND :to AND i.drug = ANY(:drugs)
              AND i.dose_mg IS NOT NULL
            ORDER BY r.performed_on, r.id, i.position
            """)
        .param("patient", patientId)
        .param("from", from)
        .param("to", to)
        .param("drugs", drugs.toArray(String[]::new))
        .query(
            (rs, row) ->
                new SteroidGiven(
                    rs.getLong("id"),
                    rs.getObject("performed_on", LocalDate.class),
                    rs.getString("procedure_type"),
                    InjectateDrug.fromCode(rs.getString("drug")).orElseThrow(),
                    rs.getBigDecimal("dose_mg")))
        .list();
  }

  private List<ProcedureNote> withInjectates(List<ProcedureNote> notes) {
    if (notes.isEmpty()) {
      return notes;
    }
    Map<Long, List<Injectate>> byRecord =
        jdbc
            .sql(
                "SELECT record_id, drug, dose_mg, volume_ml FROM procedure_injectate"
                    + " WHERE record_id = ANY(?) ORDER BY record_id, position")
            .param(notes.stream().map(ProcedureNote::id).toArray(Long[]::new))
            .query(
                (rs, row) ->
                    Map.entry(
                        rs.getLong("record_id"),
                        new Injectate(
                            InjectateDrug.fromCode(rs.getString("drug")).orElseThrow(),
                            rs.getBigDecimal("dose_mg"),
                            rs.getBigDecimal("volume_ml"))))
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    return notes.stream()
        .map(
            n ->
                new ProcedureNote(
                    n.id(),
                    n.patientId(),
                    n.procedureType(),
                    n.bookingId(),
                    n.operatorUserId(),
                    n.completed(),
                    n.completedAt(),
                    n.version(),
                    n.details().withInjectates(byRecord.getOrDefault(n.id(), List.of()))))
        .toList();
  }

  private ProcedureNote note(ResultSet rs, int row) throws SQLException {
    Timestamp completedAt = rs.getTimestamp("completed_at");
    long booking = rs.getLong("booking_id");
    Long bookingId = rs.wasNull() ? null : booking;
    long supervisor = rs.getLong("supervisor_user_id");
    Long supervisorId = rs.wasNull() ? null : supervisor;
    String imaging = rs.getString("imaging");
    String sedation = rs.getString("sedation");
    String rfMode = rs.getString("rf_mode");
    Integer rfTemp = (Integer) rs.getObject("rf_temperature_c", Integer.class);
    Integer rfSeconds = (Integer) rs.getObject("rf_seconds", Integer.class);
    Integer rfLesions = (Integer) rs.getObject("rf_lesions", Integer.class);
    RfParameters rf =
        rfMode == null && rfTemp == null && rfSeconds == null && rfLesions == null
            ? null
            : new RfParameters(rfMode, rfTemp, rfSeconds, rfLesions);
    Device device =
        new Device(
            rs.getString("device_manufacturer"),
            rs.getString("device_model"),
            (Integer) rs.getObject("lead_count", Integer.class),
            rs.getString("lead_model"),
            rs.getString("generator_model"),
            rs.getString("generator_serial"));
    boolean noDevice =
        device.manufacturer() == null
            && device.model() == null
            && device.leadCount() == null
            && device.leadModel() == null
            && device.generatorModel() == null
            && device.generatorSerial() == null;
    Array levels = rs.getArray("levels");
    Array complications = rs.getArray("complications");
    Set<Complication> complicationSet = EnumSet.noneOf(Complication.class);
    for (String c : (String[]) complications.getArray()) {
      complicationSet.add(Complication.valueOf(c));
    }
    return new ProcedureNote(
        rs.getLong("id"),
        rs.getLong("patient_id"),
        rs.getString("procedure_type"),
        bookingId,
        rs.getLong("operator_user_id"),
        "completed".equals(rs.getString("status")),
        completedAt == null ? null : completedAt.toInstant(),
        rs.getInt("version"),
        new NoteDetails(
            rs.getObject("performed_on", LocalDate.class),
            OperatorRole.fromCode(rs.getString("operator_role")),
            supervisorId,
            Arrays.asList((String[]) levels.getArray()),
            Laterality.fromCode(rs.getString("laterality")),
            rs.getString("approach"),
            imaging == null ? null : Imaging.valueOf(imaging),
            rs.getBigDecimal("fluoro_seconds"),
            rs.getBigDecimal("fluoro_dose_mgy"),
            rs.getString("contrast_agent"),
            rs.getBigDecimal("contrast_ml"),
            List.of(),
            rf,
            noDevice ? null : device,
            (Integer) rs.getObject("muscles_injected", Integer.class),
            sedation == null ? null : Sedation.valueOf(sedation),
            rs.getString("sedation_drugs"),
            complicationSet,
            rs.getString("complication_note"),
            (Integer) rs.getObject("pre_nrs", Integer.class),
            (Integer) rs.getObject("post_nrs", Integer.class),
            rs.getString("note")));
  }
}
