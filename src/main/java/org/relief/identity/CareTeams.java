package org.relief.identity;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.identity.internal.CareTeamRepository;
import org.relief.identity.internal.UserRepository;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practice clinicians on each patient's care team. Physicians and practice administrators
 * change a team; every change and every read of a team is audited with the patient's ID. Other
 * modules ask {@link #isMember} before they show care-team-only records (case conference packets).
 */
@Service
public class CareTeams {

  /** The roles that may be on a care team: the clinicians who treat the patient. */
  public static final Set<Role> MEMBER_ROLES =
      EnumSet.of(Role.PAIN_PHYSICIAN, Role.SURGEON, Role.NURSE);

  /** The roles that may change a care team. */
  public static final Set<Role> MANAGER_ROLES =
      EnumSet.of(Role.PAIN_PHYSICIAN, Role.PRACTICE_ADMIN);

  static final String AUDIT_TYPE = "CareTeam";
  private static final Logger log = LoggerFactory.getLogger(CareTeams.class);

  private final CareTeamRepository teams;
  private final UserRepository users;
  private final AuditTrail audit;
  private final Clock clock;

  CareTeams(CareTeamRepository teams, UserRepository users, AuditTrail audit, Clock clock) {
    this.teams = teams;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether the person is on the patient's care team (not audited: it reveals no patient data). */
  public boolean isMember(long patientId, long userId) {
    return teams.contains(patientId, userId);
  }

  /** The team's members in the order they joined (audited as a read of the patient's team). */
  public List<UserAccount> members(long patientId) {
    List<UserAccount> members =
        teams.members(patientId).stream().flatMap(id -> users.findById(id).stream()).toList();
    audit.recordAccess(
        AuditActions.READ,
        AUDIT_TYPE,
        Long.toString(patientId),
        Outcome.SUCCESS,
        "members " + members.size());
    return members;
  }

  /** The enabled clinicians who could join a care team, by name. */
  public List<UserAccount> candidates() {
    return users.findAll().stream()
        .filter(UserAccount::enabled)
        .filter(u -> u.roles().stream().anyMatch(MEMBER_ROLES::contains))
        .toList();
  }

  /** Puts a clinician on the patient's care team. */
  @Transactional
  public void add(long patientId, long userId, long actingUserId) {
    requireManager(actingUserId, patientId, AuditActions.CREATE);
    UserAccount member =
        users
            .findById(userId)
            .orElseThrow(
                () -> new RuleViolation("unknown-user", "Choose a clinician of the practice."));
    if (!member.enabled() || member.roles().stream().noneMatch(MEMBER_ROLES::contains)) {
      throw new RuleViolation(
          "not-a-clinician",
          member.displayName()
              + " is not an active physician, surgeon or nurse of the practice and cannot join a"
              + " care team.");
    }
    if (!teams.add(patientId, userId, actingUserId, clock.instant())) {
      throw new RuleViolation(
          "already-on-team", member.displayName() + " is already on this patient's care team.");
    }
    audit.recordAccess(
        AuditActions.CREATE,
        AUDIT_TYPE,
        Long.toString(patientId),
        Outcome.SUCCESS,
        "member " + userId);
    log.info("User {} added to the care team of patient {}", userId, patientId);
  }

  /** Takes a clinician off the patient's care team. */
  @Transactional
  public void remove(long patientId, long userId, long actingUserId) {
    requireManager(actingUserId, patientId, AuditActions.DELETE);
    if (!teams.remove(patientId, userId)) {
      throw new RuleViolation(
          "not-on-team", "That person is not on this patient's care team (any more).");
    }
    audit.recordAccess(
        AuditActions.DELETE,
        AUDIT_TYPE,
        Long.toString(patientId),
        Outcome.SUCCESS,
        "member " + userId);
    log.info("User {} removed from the care team of patient {}", userId, patientId);
  }

  /** Whether the person may change care teams. */
  public boolean mayManage(long userId) {
    return users
        .findById(userId)
        .filter(u -> u.enabled() && u.roles().stream().anyMatch(MANAGER_ROLES::contains))
        .isPresent();
  }

  private void requireManager(long actingUserId, long patientId, String action) {
    if (!mayManage(actingUserId)) {
      audit.recordAccess(action, AUDIT_TYPE, Long.toString(patientId), Outcome.DENIED);
      throw new RuleViolation(
          "not-allowed-to-change-team",
          "Only a physician or a practice administrator changes a care team.");
    }
  }
}
