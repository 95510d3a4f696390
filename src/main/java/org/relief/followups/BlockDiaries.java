package org.relief.followups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.followups.BlockDiary.MedialBranchPair;
import org.relief.followups.diary.DiaryRepository;
import org.relief.followups.diary.DiaryRepository.StoredDiary;
import org.relief.followups.schedule.FollowUpSettings;
import org.springframework.stereotype.Service;

/**
 * The relief diaries of diagnostic blocks, for any module to show: one procedure's diary with its
 * peak and duration, and a patient's pairs of medial branch blocks against the ≥ 80 % criterion of
 * clinical-rules.md §4a. Reads are audited as accesses to patient data.
 */
@Service
public class BlockDiaries {

  static final String AUDIT_TYPE = "BlockDiary";

  private final DiaryRepository diaries;
  private final FollowUpSettings settings;
  private final AuditTrail audit;

  BlockDiaries(DiaryRepository diaries, FollowUpSettings settings, AuditTrail audit) {
    this.diaries = diaries;
    this.settings = settings;
    this.audit = audit;
  }

  /** The diary of a diagnostic block, if it has one. */
  public Optional<BlockDiary> forProcedure(long procedureId) {
    Optional<BlockDiary> diary = diaries.forProcedure(procedureId).map(this::summary);
    diary.ifPresent(
        d ->
            audit.recordAccess(
                AuditActions.READ, AUDIT_TYPE, "procedure:" + procedureId, Outcome.SUCCESS));
    return diary;
  }

  /** The patient's diaries, oldest first. */
  public List<BlockDiary> forPatient(long patientId) {
    List<BlockDiary> list = diaries.forPatient(patientId).stream().map(this::summary).toList();
    audit.recordAccess(
        AuditActions.SEARCH,
        AUDIT_TYPE,
        "patient:" + patientId,
        Outcome.SUCCESS,
        "found " + list.size());
    return list;
  }

  /**
   * For each set of levels and side at which the patient had medial branch blocks, the latest two
   * (clinical-rules.md §4a: two diagnostic MBBs, each ≥ 80 %, at the same levels).
   */
  public List<MedialBranchPair> medialBranchPairs(long patientId) {
    Map<String, List<BlockDiary>> groups = new LinkedHashMap<>();
    for (BlockDiary d : forPatient(patientId)) {
      if (!d.procedureType().endsWith("-mbb")) {
        continue;
      }
      String key =
          d.procedureType()
              + "|"
              + String.join(",", d.levels().stream().sorted().toList())
              + "|"
              + d.laterality();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
    }
    List<MedialBranchPair> pairs = new ArrayList<>();
    for (List<BlockDiary> group : groups.values()) {
      if (group.size() >= 2) {
        BlockDiary first = group.get(group.size() - 2);
        BlockDiary second = group.get(group.size() - 1);
        pairs.add(
            new MedialBranchPair(
                second.procedureType(), second.levels(), second.laterality(), first, second));
      }
    }
    return pairs;
  }

  private BlockDiary summary(StoredDiary d) {
    FollowUpSettings.Anaesthetic agent =
        d.anaesthetic() == null ? null : settings.anaesthetics().get(d.anaesthetic());
    return BlockDiary.of(
        d.procedureId(),
        d.patientId(),
        d.procedureType(),
        d.levels(),
        d.laterality(),
        d.performedOn(),
        diaries.entries(d.id()),
        d.anaesthetic(),
        agent == null ? null : (int) agent.expectedRelief().toMinutes(),
        agent != null && agent.confirmed());
  }
}
