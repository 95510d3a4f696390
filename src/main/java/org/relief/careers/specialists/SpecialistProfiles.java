package org.relief.careers.specialists;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Specialists' profiles: each specialist reads and changes only their own (every method takes the
 * signed-in account's ID, never a profile ID from a page), and a credential row of another
 * specialist is treated as one that does not exist. Employers get {@link CandidateProfile}, which
 * has no preferences.
 */
@Service
public class SpecialistProfiles {

  private static final Logger log = LoggerFactory.getLogger(SpecialistProfiles.class);
  private static final String AUDIT_TYPE = "SpecialistProfile";

  private final SpecialistProfileRepository profiles;
  private final AuditTrail audit;
  private final Clock clock;
  private final PracticeSettings practice;

  SpecialistProfiles(
      SpecialistProfileRepository profiles,
      AuditTrail audit,
      Clock clock,
      PracticeSettings practice) {
    this.profiles = profiles;
    this.audit = audit;
    this.clock = clock;
    this.practice = practice;
  }

  /** The specialist's own profile, opened (empty) on first use: one per account. */
  @Transactional
  public SpecialistProfile own(long userId) {
    if (!profiles.exists(userId)) {
      profiles.insert(userId, now());
      audit.recordAccess(AuditActions.CREATE, AUDIT_TYPE, Long.toString(userId), Outcome.SUCCESS);
      log.info("Specialist profile {} opened", userId);
    }
    return profiles.find(userId).orElseThrow();
  }

  public Optional<SpecialistProfile> find(long userId) {
    return profiles.find(userId);
  }

  /** The profile as an employer may see it (no preferences). */
  public CandidateProfile candidate(long userId) {
    return profiles
        .find(userId)
        .map(CandidateProfile::of)
        .orElseThrow(() -> new NotFound("There is no specialist profile " + userId + "."));
  }

  public List<Long> allSpecialists() {
    return profiles.allUserIds();
  }

  @Transactional
  public SpecialistProfile saveBasics(long userId, ProfileBasics basics) {
    own(userId);
    profiles.saveBasics(userId, checked(userId, basics), now());
    return changed(userId, "basics");
  }

  private ProfileBasics checked(long userId, ProfileBasics basics) {
    String npi = FormValues.text(basics.npi(), 10, "NPI");
    if (!npi.isEmpty() && !Npi.valid(npi)) {
      throw new RuleViolation(
          "invalid-npi",
          "The NPI "
              + npi
              + " is not valid: an NPI has 10 digits and its last digit is a check digit;"
              + " check it against your NPPES record.");
    }
    if (!npi.isEmpty() && profiles.npiTakenByOther(userId, npi)) {
      throw new RuleViolation(
          "npi-taken", "Another specialist profile already has the NPI " + npi + ".");
    }
    if (basics.caqhAttestedOn() != null && basics.caqhAttestedOn().isAfter(today())) {
      throw new RuleViolation(
          "caqh-in-future", "The CAQH attestation date cannot be later than today.");
    }
    return new ProfileBasics(
        npi.isEmpty() ? null : npi,
        basics.taxonomy(),
        basics.homeState(),
        FormValues.text(basics.fellowship(), 200, "fellowship"),
        basics.fellowshipYear(),
        basics.caqhAttestedOn());
  }

  @Transactional
  public SpecialistProfile savePreferences(long userId, Preferences preferences) {
    own(userId);
    profiles.savePreferences(userId, preferences, now());
    return changed(userId, "preferences");
  }

  @Transactional
  public SpecialistProfile addLicence(long userId, Licence licence) {
    own(userId);
    notInFuture(licence.verifiedAt(), "licence verification date");
    profiles.addLicence(userId, licence);
    return changed(userId, "licence");
  }

  @Transactional
  public SpecialistProfile addRegistration(long userId, Registration registration) {
    own(userId);
    notInFuture(registration.verifiedAt(), "registration verification date");
    profiles.addRegistration(userId, registration);
    return changed(userId, "registration");
  }

  @Transactional
  public SpecialistProfile addBoard(long userId, BoardCertification board) {
    own(userId);
    check(board);
    profiles.addBoard(userId, board);
    return changed(userId, "board");
  }

  @Transactional
  public SpecialistProfile addCme(long userId, CmeCredit credit) {
    own(userId);
    notInFuture(credit.earnedOn(), "date the credits were earned");
    profiles.addCme(userId, credit);
    return changed(userId, "cme");
  }

  @Transactional
  public SpecialistProfile addCmeRequirement(long userId, CmeRequirement requirement) {
    own(userId);
    check(requirement);
    profiles.addCmeRequirement(userId, requirement);
    return changed(userId, "cme-requirement");
  }

  /**
   * Adds a whole wallet at once (basics, preferences and every credential row of {@code wallet};
   * its user ID and row IDs are ignored) with the checks of the one-by-one methods above, and one
   * audit entry. The synthetic demo seeds its specialists so, quickly.
   */
  @Transactional
  public SpecialistProfile fill(long userId, SpecialistProfile wallet) {
    own(userId);
    profiles.saveBasics(
        userId,
        checked(
            userId,
            new ProfileBasics(
                wallet.npi(),
                wallet.taxonomy(),
                wallet.homeState(),
                wallet.fellowship(),
                wallet.fellowshipYear(),
                wallet.caqhAttestedOn())),
        now());
    profiles.savePreferences(userId, wallet.preferences(), now());
    for (Licence l : wallet.licences()) {
      notInFuture(l.verifiedAt(), "licence verification date");
      profiles.addLicence(userId, l);
    }
    for (Registration r : wallet.registrations()) {
      notInFuture(r.verifiedAt(), "registration verification date");
      profiles.addRegistration(userId, r);
    }
    for (BoardCertification b : wallet.boards()) {
      check(b);
      profiles.addBoard(userId, b);
    }
    for (CmeCredit c : wallet.cme()) {
      notInFuture(c.earnedOn(), "date the credits were earned");
      profiles.addCme(userId, c);
    }
    for (CmeRequirement r : wallet.cmeRequirements()) {
      check(r);
      profiles.addCmeRequirement(userId, r);
    }
    return changed(userId, "whole profile");
  }

  private static void check(BoardCertification board) {
    if (board.certifiedOn() != null
        && board.expiresOn() != null
        && board.expiresOn().isBefore(board.certifiedOn())) {
      throw new RuleViolation(
          "board-dates", "A certification cannot expire before the day it was granted.");
    }
  }

  private static void check(CmeRequirement requirement) {
    if (requirement.dueOn().isBefore(requirement.periodStart())) {
      throw new RuleViolation(
          "cme-period", "A CME cycle cannot end before it starts; check the two dates.");
    }
  }

  /** Removes one of the specialist's own rows; another's is "not found". */
  @Transactional
  public SpecialistProfile remove(long userId, CredentialKind kind, long id) {
    own(userId);
    if (!profiles.remove(kind, userId, id)) {
      throw new NotFound("There is no " + kind.label() + " " + id + " in your profile.");
    }
    profiles.touch(userId, now());
    return changed(userId, "remove " + kind.name().toLowerCase());
  }

  /** Today where the practice is. */
  public LocalDate today() {
    return practice.today(clock);
  }

  private SpecialistProfile changed(long userId, String what) {
    audit.recordAccess(
        AuditActions.UPDATE, AUDIT_TYPE, Long.toString(userId), Outcome.SUCCESS, what);
    log.info("Specialist profile {} changed: {}", userId, what);
    return profiles.find(userId).orElseThrow();
  }

  private void notInFuture(LocalDate day, String field) {
    if (day != null && day.isAfter(today())) {
      throw new RuleViolation("date-in-future", "The " + field + " cannot be later than today.");
    }
  }

  private Instant now() {
    return clock.instant();
  }
}
