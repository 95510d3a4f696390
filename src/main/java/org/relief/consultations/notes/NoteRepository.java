package org.relief.consultations.notes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.relief.consultations.PatientGoal;
import org.relief.consultations.PlanItem;
import org.relief.consultations.PlanItemKind;
import org.relief.consultations.PlanItemStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The visit note tables, in SQL. */
@Repository
class NoteRepository {

  private static final String SELECT_ITEM =
      "SELECT i.id, i.visit_id, i.patient_id, i.kind, i.procedure_code, i.detail, i.owner_id,"
          + " i.status, i.status_changed_at FROM treatment_plan_item i";
  private static final String SIGNED =
      " JOIN visit_note n ON n.visit_id = i.visit_id AND n.signed_at IS NOT NULL";

  /** A diagnosis the note addresses, with its code as it was when linked. */
  record LinkedDiagnosis(long diagnosisId, String code) {}

  private final JdbcClient jdbc;

  NoteRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<VisitNote> find(long visitId) {
    return jdbc.sql(
            "SELECT visit_id, present_illness, exam_findings, imaging_reviewed, assessment,"
                + " free_text, functional_goals, expected_relief_percent, updated_at, signed_at,"
                + " signed_by FROM visit_note WHERE visit_id = :v")
        .param("v", visitId)
        .query(NoteRepository::note)
        .optional();
  }

  void ensure(long visitId, long actor, Instant now) {
    jdbc.sql(
            "INSERT INTO visit_note (visit_id, updated_at, updated_by) VALUES (:v, :now, :by)"
                + " ON CONFLICT (visit_id) DO NOTHING")
        .param("v", visitId)
        .param("now", Timestamp.from(now))
        .param("by", actor)
        .update();
  }

  boolean update(long visitId, NoteDraft d, long actor, Instant now) {
    return jdbc.sql(
                "UPDATE visit_note SET present_illness = :hpi, exam_findings = :exam,"
                    + " imaging_reviewed = :imaging, assessment = :assessment, free_text = :free,"
                    + " functional_goals = :goals, expected_relief_percent = :relief,"
                    + " updated_at = :now, updated_by = :by, version = version + 1"
                    + " WHERE visit_id = :v AND signed_at IS NULL")
            .param("v", visitId)
            .param("hpi", d.presentIllness())
            .param("exam", d.examFindings())
            .param("imaging", d.imagingReviewed())
            .param("assessment", d.assessment())
            .param("free", d.freeText())
            .param("goals", d.functionalGoals())
            .param("relief", d.expectedReliefPercent(), Types.INTEGER)
            .param("now", Timestamp.from(now))
            .param("by", actor)
            .update()
        == 1;
  }

  boolean sign(long visitId, long actor, Instant now) {
    return jdbc.sql(
                "UPDATE visit_note SET signed_at = :now, signed_by = :by"
                    + " WHERE visit_id = :v AND signed_at IS NULL")
            .param("v", visitId)
            .param("now", Timestamp.from(now))
            .param("by", actor)
            .update()
        == 1;
  }

  List<LinkedDiagnosis> diagnoses(long visitId) {
    return jdbc.sql(
            "SELECT diagnosis_id, icd10_code FROM visit_diagnosis WHERE visit_id = :v"
                + " ORDER BY diagnosis_id")
        .param("v", visitId)
        .query((rs, n) -> new LinkedDiagnosis(rs.getLong(1), rs.getString(2)))
        .list();
  }

  void replaceDiagnoses(long visitId, List<LinkedDiagnosis> linked) {
    jdbc.sql("DELETE FROM visit_diagnosis WHERE visit_id = :v").param("v", visitId).update();
    for (LinkedDiagnosis d : linked) {
      jdbc.sql(
              "INSERT INTO visit_diagnosis (visit_id, diagnosis_id, icd10_code)"
                  + " VALUES (:v, :d, :c)")
          .param("v", visitId)
          .param("d", d.diagnosisId())
          .param("c", d.code())
          .update();
    }
  }

  long insertItem(
      long visitId,
      long patientId,
      PlanItemKind kind,
      String procedureCode,
      String detail,
      long owner,
      long actor,
      Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO treatment_plan_item (visit_id, patient_id, kind, procedure_code, detail,"
                + " owner_id, status, created_at, status_changed_at, status_changed_by)"
                + " VALUES (:v, :p, :kind, :code, :detail, :owner, 'PROPOSED', :now, :now, :by)")
        .param("v", visitId)
        .param("p", patientId)
        .param("kind", kind.name())
        .param("code", procedureCode, Types.VARCHAR)
        .param("detail", detail)
        .param("owner", owner)
        .param("now", Timestamp.from(now))
        .param("by", actor)
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  boolean deleteItem(long visitId, long itemId) {
    return jdbc.sql("DELETE FROM treatment_plan_item WHERE id = :i AND visit_id = :v")
            .param("i", itemId)
            .param("v", visitId)
            .update()
        == 1;
  }

  boolean changeItemStatus(
      long itemId, PlanItemStatus from, PlanItemStatus to, long actor, Instant now) {
    return jdbc.sql(
                "UPDATE treatment_plan_item SET status = :to, status_changed_at = :now,"
                    + " status_changed_by = :by WHERE id = :i AND status = :from")
            .param("i", itemId)
            .param("from", from.name())
            .param("to", to.name())
            .param("now", Timestamp.from(now))
            .param("by", actor)
            .update()
        == 1;
  }

  List<PlanItem> items(long visitId) {
    return jdbc.sql(SELECT_ITEM + " WHERE i.visit_id = :v ORDER BY i.id")
        .param("v", visitId)
        .query(NoteRepository::item)
        .list();
  }

  Optional<PlanItem> signedItem(long itemId) {
    return jdbc.sql(SELECT_ITEM + SIGNED + " WHERE i.id = :i")
        .param("i", itemId)
        .query(NoteRepository::item)
        .optional();
  }

  List<PlanItem> openSignedItemsOwnedBy(long ownerId) {
    return jdbc.sql(
            SELECT_ITEM
                + SIGNED
                + " WHERE i.owner_id = :o AND i.status IN ('PROPOSED', 'ORDERED')"
                + " ORDER BY i.created_at, i.id")
        .param("o", ownerId)
        .query(NoteRepository::item)
        .list();
  }

  List<PlanItem> signedItemsOfPatient(long patientId) {
    return jdbc.sql(SELECT_ITEM + SIGNED + " WHERE i.patient_id = :p ORDER BY i.created_at, i.id")
        .param("p", patientId)
        .query(NoteRepository::item)
        .list();
  }

  List<Addendum> addenda(long visitId) {
    return jdbc.sql(
            "SELECT id, visit_id, author_id, written_at, text FROM visit_addendum"
                + " WHERE visit_id = :v ORDER BY id")
        .param("v", visitId)
        .query(
            (rs, n) ->
                new Addendum(
                    rs.getLong("id"),
                    rs.getLong("visit_id"),
                    rs.getLong("author_id"),
                    rs.getTimestamp("written_at").toInstant(),
                    rs.getString("text")))
        .list();
  }

  long insertAddendum(long visitId, long author, String text, Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO visit_addendum (visit_id, author_id, written_at, text)"
                + " VALUES (:v, :a, :now, :t)")
        .param("v", visitId)
        .param("a", author)
        .param("now", Timestamp.from(now))
        .param("t", text)
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  List<PatientGoal> goalsOf(long patientId) {
    return jdbc.sql(
            "SELECT n.visit_id, v.patient_id, n.functional_goals, n.expected_relief_percent,"
                + " n.signed_at FROM visit_note n JOIN visit v ON v.id = n.visit_id"
                + " WHERE v.patient_id = :p AND n.signed_at IS NOT NULL"
                + " AND (n.functional_goals <> '' OR n.expected_relief_percent IS NOT NULL)"
                + " ORDER BY n.signed_at, n.visit_id")
        .param("p", patientId)
        .query(
            (rs, n) ->
                new PatientGoal(
                    rs.getLong("visit_id"),
                    rs.getLong("patient_id"),
                    rs.getString("functional_goals"),
                    rs.getObject("expected_relief_percent", Integer.class),
                    rs.getTimestamp("signed_at").toInstant()))
        .list();
  }

  private static VisitNote note(ResultSet rs, int row) throws SQLException {
    Timestamp signed = rs.getTimestamp("signed_at");
    long signedBy = rs.getLong("signed_by");
    Long by = rs.wasNull() ? null : signedBy;
    return new VisitNote(
        rs.getLong("visit_id"),
        rs.getString("present_illness"),
        rs.getString("exam_findings"),
        rs.getString("imaging_reviewed"),
        rs.getString("assessment"),
        rs.getString("free_text"),
        rs.getString("functional_goals"),
        rs.getObject("expected_relief_percent", Integer.class),
        rs.getTimestamp("updated_at").toInstant(),
        signed == null ? null : signed.toInstant(),
        by);
  }

  private static PlanItem item(ResultSet rs, int row) throws SQLException {
    return new PlanItem(
        rs.getLong("id"),
        rs.getLong("visit_id"),
        rs.getLong("patient_id"),
        PlanItemKind.valueOf(rs.getString("kind")),
        rs.getString("procedure_code"),
        rs.getString("detail"),
        rs.getLong("owner_id"),
        PlanItemStatus.valueOf(rs.getString("status")),
        rs.getTimestamp("status_changed_at").toInstant());
  }
}
