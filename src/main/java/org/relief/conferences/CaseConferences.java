package org.relief.conferences;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.conferences.internal.ConferenceRepository;
import org.relief.conferences.internal.NewCase;
import org.relief.conferences.internal.RequestRepository;
import org.relief.identity.CareTeams;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.PatientNotFound;
import org.relief.patients.PatientRegistry;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.relief.procedures.ProcedureCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedules case conferences, takes nominations, records what a conference decided and follows the
 * resulting actions through.
 *
 * <p>Who may do what: any practice clinician schedules; a nomination comes from the patient's care
 * team or the conference's attendees (so whoever nominates can see the packet); only attendees
 * record attendance, the recommendation, dissent and actions; an action's owner, the attendees and
 * the care team change its status. A case's clinical content is shown only to the patient's care
 * team and the conference's attendees ({@link #mayView}). Every change is audited by ID.
 */
@Service
public class CaseConferences {

  /** The roles that take part in conferences (attendees, nominators). */
  public static final Set<Role> CLINICIANS = CareTeams.MEMBER_ROLES;

  static final String CONFERENCE = "CaseConference";
  static final String CASE = "ConferenceCase";
  static final String REQUEST = "ConferenceRequest";
  private static final Logger log = LoggerFactory.getLogger(CaseConferences.class);

  private final ConferenceRepository repository;
  private final RequestRepository requests;
  private final CareTeams careTeams;
  private final UserAccounts users;
  private final PatientRegistry patients;
  private final ProcedureCatalogue catalogue;
  private final AuditTrail audit;
  private final Clock clock;
  private final PracticeSettings practice;
  private final ConferenceSettings settings;

  CaseConferences(
      ConferenceRepository repository,
      RequestRepository requests,
      CareTeams careTeams,
      UserAccounts users,
      PatientRegistry patients,
      ProcedureCatalogue catalogue,
      AuditTrail audit,
      Clock clock,
      PracticeSettings practice,
      ConferenceSettings settings) {
    this.settings = settings;
    this.repository = repository;
    this.requests = requests;
    this.careTeams = careTeams;
    this.users = users;
    this.patients = patients;
    this.catalogue = catalogue;
    this.audit = audit;
    this.clock = clock;
    this.practice = practice;
  }

  /** A conference to schedule; the organiser always attends. */
  public record Schedule(String title, LocalDateTime startsAt, Set<Long> attendeeIds) {}

  /**
   * A patient to discuss. {@code visitId} names the consultation the nomination came from, if any;
   * {@code imagingReport} is the report text (Relief keeps no imaging record of its own).
   */
  public record Nomination(
      long conferenceId,
      long patientId,
      Long visitId,
      String question,
      String imagingReport,
      Integer ptWeeks,
      String medicationsTried) {}

  /** What the conference recommends, and why. */
  public record Recommendation(
      String discussion, RecommendationKind kind, String detail, String rationale) {}

  // ---- scheduling

  @Transactional
  public CaseConference schedule(Schedule request, long organiserId) {
    return schedule(request, organiserId, false, true);
  }

  /** Schedules a synthetic conference for the demo practice; it may lie in the past. */
  @Transactional
  public CaseConference scheduleSynthetic(Schedule request, long organiserId) {
    return schedule(request, organiserId, true, false);
  }

  private CaseConference schedule(
      Schedule request, long organiserId, boolean synthetic, boolean mustBeFuture) {
    String title = text(request.title(), 120, "The title");
    if (title == null) {
      throw new RuleViolation("missing-title", "Give the conference a title.");
    }
    if (request.startsAt() == null) {
      throw new RuleViolation("missing-start", "Give the date and time the conference starts.");
    }
    Instant startsAt = request.startsAt().atZone(practice.timeZone()).toInstant();
    if (mustBeFuture && !startsAt.isAfter(clock.instant())) {
      throw new RuleViolation(
          "start-in-past",
          "The conference would start on " + request.startsAt() + ", which has passed.");
    }
    requireClinician(organiserId, "schedule a conference");
    Set<Long> attendees = new LinkedHashSet<>();
    attendees.add(organiserId);
    if (request.attendeeIds() != null) {
      attendees.addAll(request.attendeeIds());
    }
    List<UserAccount> accounts = new ArrayList<>();
    for (long id : attendees) {
      accounts.add(attendee(id));
    }
    if (accounts.stream().noneMatch(a -> a.has(Role.SURGEON))) {
      throw new RuleViolation(
          "no-surgeon", "Invite at least one spine surgeon: the conference is for their opinion.");
    }
    long id = repository.insertConference(title, startsAt, organiserId, synthetic, clock.instant());
    attendees.forEach(a -> repository.addAttendee(id, a));
    audit.recordAccess(AuditActions.CREATE, CONFERENCE, Long.toString(id), Outcome.SUCCESS);
    log.info("Case conference {} scheduled with {} attendees", id, attendees.size());
    return conference(id);
  }

  /** Invites one more clinician (any attendee may). */
  @Transactional
  public void invite(long conferenceId, long userId, long actingUserId) {
    CaseConference conference = conference(conferenceId);
    requireAttendee(conference, actingUserId, "invite colleagues");
    UserAccount account = attendee(userId);
    if (!repository.addAttendee(conferenceId, userId)) {
      throw new RuleViolation(
          "already-invited", account.displayName() + " is already invited to this conference.");
    }
    audit.recordAccess(
        AuditActions.UPDATE,
        CONFERENCE,
        Long.toString(conferenceId),
        Outcome.SUCCESS,
        "attendee " + userId);
  }

  public CaseConference conference(long id) {
    return repository
        .findConference(id)
        .orElseThrow(() -> new NotFound("There is no case conference " + id + "."));
  }

  /** Conferences from today on, soonest first. */
  public List<CaseConference> upcoming() {
    return repository.startingFrom(startOfToday());
  }

  /** Conferences before today, latest first. */
  public List<CaseConference> earlier(int limit) {
    return repository.startedBefore(startOfToday(), limit);
  }

  /** Conferences that have not started yet, to nominate a patient to. */
  public List<CaseConference> open() {
    return repository.startingFrom(clock.instant());
  }

  // ---- nominations

  @Transactional
  public ConferenceCase nominate(Nomination n, long nominatorId) {
    return nominate(n, nominatorId, false);
  }

  /** Nominates a patient for a synthetic demo conference, which may already have taken place. */
  @Transactional
  public ConferenceCase nominateSynthetic(Nomination n, long nominatorId) {
    return nominate(n, nominatorId, true);
  }

  private ConferenceCase nominate(Nomination n, long nominatorId, boolean synthetic) {
    CaseConference conference = conference(n.conferenceId());
    if (!patients.exists(n.patientId())) {
      throw new PatientNotFound(n.patientId());
    }
    if (synthetic && !conference.synthetic()) {
      throw new RuleViolation(
          "not-synthetic", "Synthetic nominations go to synthetic conferences only.");
    }
    if (!synthetic && !conference.startsAt().isAfter(clock.instant())) {
      throw new RuleViolation(
          "conference-started",
          "The conference '"
              + conference.title()
              + "' has already started; nominate the patient for a later one.");
    }
    requireClinician(nominatorId, "nominate a patient");
    if (!careTeams.isMember(n.patientId(), nominatorId) && !conference.attendedBy(nominatorId)) {
      audit.recordAccess(
          AuditActions.CREATE, CASE, null, Outcome.DENIED, "patient " + n.patientId());
      throw new RuleViolation(
          "not-team-or-attendee",
          "Only the patient's care team or the conference's attendees nominate a patient; join"
              + " the care team or the conference first.");
    }
    String question = text(n.question(), 1000, "The question");
    if (question == null) {
      throw new RuleViolation(
          "missing-question", "Write the question the conference should answer for this patient.");
    }
    if (n.ptWeeks() != null && (n.ptWeeks() < 0 || n.ptWeeks() > 520)) {
      throw new RuleViolation(
          "pt-weeks-out-of-range",
          "Weeks of physical therapy are 0 to 520; " + n.ptWeeks() + " was given.");
    }
    if (repository.hasCase(n.conferenceId(), n.patientId())) {
      throw alreadyNominated(conference);
    }
    long id;
    try {
      id =
          repository.insertCase(
              new NewCase(
                  n.conferenceId(),
                  n.patientId(),
                  n.visitId(),
                  question,
                  text(n.imagingReport(), 4000, "The imaging report"),
                  n.ptWeeks(),
                  text(n.medicationsTried(), 1000, "Medications tried"),
                  nominatorId),
              clock.instant());
    } catch (DuplicateKeyException raced) {
      throw alreadyNominated(conference);
    }
    audit.recordAccess(
        AuditActions.CREATE, CASE, Long.toString(id), Outcome.SUCCESS, "patient " + n.patientId());
    log.info(
        "Patient {} nominated for case conference {} as case {}",
        n.patientId(),
        n.conferenceId(),
        id);
    return conferenceCase(id);
  }

  // ---- requests from consultations

  /**
   * The requests awaiting a conference that the person may place: those of patients whose care team
   * they are on, those they asked for, and, for an attendee of a conference not started yet, all of
   * them (an attendee may nominate any patient to it). Each one shown is audited; {@code hidden}
   * counts the others.
   */
  public record Awaiting(List<AwaitingConference> requests, int hidden) {}

  public Awaiting awaiting(long userId) {
    List<AwaitingConference> all = requests.awaiting();
    if (all.isEmpty()) {
      return new Awaiting(List.of(), 0);
    }
    boolean attendsOpen = open().stream().anyMatch(c -> c.attendedBy(userId));
    List<AwaitingConference> visible =
        all.stream()
            .filter(
                r ->
                    attendsOpen
                        || r.requestedBy() == userId
                        || careTeams.isMember(r.patientId(), userId))
            .toList();
    for (AwaitingConference r : visible) {
      audit.recordAccess(
          AuditActions.READ,
          REQUEST,
          Long.toString(r.id()),
          Outcome.SUCCESS,
          "patient " + r.patientId());
    }
    return new Awaiting(visible, all.size() - visible.size());
  }

  /** One request awaiting a conference (audited). */
  public AwaitingConference request(long requestId) {
    AwaitingConference r =
        requests
            .find(requestId)
            .orElseThrow(
                () -> new NotFound("There is no case conference request " + requestId + "."));
    audit.recordAccess(
        AuditActions.READ,
        REQUEST,
        Long.toString(requestId),
        Outcome.SUCCESS,
        "patient " + r.patientId());
    return r;
  }

  /**
   * Places a request from a consultation on a conference: nominates the patient with the visit the
   * request came from, under the nomination rules, and marks the request placed.
   */
  @Transactional
  public ConferenceCase place(long requestId, Nomination n, long userId) {
    AwaitingConference r = request(requestId);
    if (r.placed()) {
      throw new RuleViolation(
          "request-already-placed",
          "This request was already placed on a conference (case " + r.caseId() + ").");
    }
    ConferenceCase placed =
        nominate(
            new Nomination(
                n.conferenceId(),
                r.patientId(),
                r.visitId(),
                n.question(),
                n.imagingReport(),
                n.ptWeeks(),
                n.medicationsTried()),
            userId,
            false);
    if (!requests.markPlaced(requestId, placed.id(), clock.instant())) {
      throw new RuleViolation(
          "request-already-placed", "This request was placed on a conference meanwhile.");
    }
    audit.recordAccess(
        AuditActions.UPDATE,
        REQUEST,
        Long.toString(requestId),
        Outcome.SUCCESS,
        "placed as case " + placed.id() + ", patient " + r.patientId());
    return placed;
  }

  public ConferenceCase conferenceCase(long id) {
    return repository
        .findCase(id)
        .orElseThrow(() -> new NotFound("There is no conference case " + id + "."));
  }

  public List<ConferenceCase> casesOf(long conferenceId) {
    return repository.casesOf(conferenceId);
  }

  public List<ConferenceCase> casesOfPatient(long patientId) {
    return repository.casesOfPatient(patientId);
  }

  /**
   * The earlier cases a conference follows through: every case of the conferences in the {@link
   * ConferenceSettings#followThroughDays} before it, and older cases whose actions are still open.
   */
  public List<ConferenceCase> followThrough(CaseConference conference) {
    List<ConferenceCase> cases =
        new ArrayList<>(
            repository.casesOfConferencesBetween(
                conference.startsAt().minus(Duration.ofDays(settings.followThroughDays())),
                conference.startsAt()));
    for (ConferenceCase open : repository.casesWithOpenActionsBefore(conference.startsAt())) {
      if (cases.stream().noneMatch(c -> c.id() == open.id())) {
        cases.add(open);
      }
    }
    return cases;
  }

  /** Whether the person may see a case's clinical content: care team or attendee. */
  public boolean mayView(ConferenceCase c, long userId) {
    return careTeams.isMember(c.patientId(), userId)
        || conference(c.conferenceId()).attendedBy(userId);
  }

  // ---- during the conference

  /** Records who came; attendees not listed were absent. */
  @Transactional
  public void recordAttendance(long conferenceId, Set<Long> present, long actingUserId) {
    CaseConference conference = conference(conferenceId);
    requireAttendee(conference, actingUserId, "record attendance");
    requireConferenceDay(conference);
    Set<Long> came = present == null ? Set.of() : present;
    for (CaseConference.Attendee a : conference.attendees()) {
      repository.setPresent(conferenceId, a.userId(), came.contains(a.userId()));
    }
    audit.recordAccess(
        AuditActions.UPDATE,
        CONFERENCE,
        Long.toString(conferenceId),
        Outcome.SUCCESS,
        "attendance " + came.size());
  }

  @Transactional
  public ConferenceCase recommend(long caseId, Recommendation r, long actingUserId) {
    ConferenceCase c = conferenceCase(caseId);
    CaseConference conference = conference(c.conferenceId());
    requireAttendee(conference, actingUserId, "record the recommendation");
    requireConferenceDay(conference);
    if (r.kind() == null) {
      throw new RuleViolation(
          "missing-recommendation",
          "Choose the recommendation: surgery, an interventional procedure, conservative care or"
              + " further work-up.");
    }
    String detail = text(r.detail(), 300, "The detail of the recommendation");
    switch (r.kind()) {
      case SURGERY -> {
        if (detail == null) {
          throw new RuleViolation(
              "missing-operation", "Name the operation the conference recommends.");
        }
      }
      case INTERVENTIONAL -> {
        if (detail == null) {
          throw new RuleViolation("missing-procedure", "Choose the procedure from the catalogue.");
        }
        if (catalogue.find(detail).isEmpty()) {
          throw new RuleViolation(
              "unknown-procedure",
              "'" + detail + "' is not a procedure of the catalogue; choose one from the list.");
        }
      }
      case WORK_UP -> {
        if (detail == null) {
          throw new RuleViolation(
              "missing-work-up", "Name the work-up: the imaging, test or opinion still needed.");
        }
      }
      case CONSERVATIVE -> {}
    }
    String rationale = text(r.rationale(), 2000, "The rationale");
    if (rationale == null) {
      throw new RuleViolation(
          "missing-rationale", "Write the rationale: why the conference recommends this.");
    }
    repository.recordRecommendation(
        caseId,
        text(r.discussion(), 4000, "The discussion"),
        r.kind(),
        detail,
        rationale,
        actingUserId,
        clock.instant());
    audit.recordAccess(
        AuditActions.UPDATE,
        CASE,
        Long.toString(caseId),
        Outcome.SUCCESS,
        "recommendation " + r.kind().name() + ", patient " + c.patientId());
    log.info("Recommendation recorded for conference case {}", caseId);
    return conferenceCase(caseId);
  }

  /** Records by name that an attendee disagrees with the recommendation, and why. */
  @Transactional
  public void recordDissent(long caseId, long dissenterId, String note, long actingUserId) {
    ConferenceCase c = conferenceCase(caseId);
    CaseConference conference = conference(c.conferenceId());
    requireAttendee(conference, actingUserId, "record dissent");
    if (!c.decided()) {
      throw new RuleViolation(
          "no-recommendation-yet", "Record the recommendation before recording dissent from it.");
    }
    UserAccount dissenter = users.get(dissenterId);
    if (!conference.attendedBy(dissenterId)) {
      throw new RuleViolation(
          "dissenter-not-attendee",
          dissenter.displayName() + " is not an attendee; only attendees dissent.");
    }
    if (conference.markedAbsent(dissenterId)) {
      throw new RuleViolation(
          "dissenter-absent", dissenter.displayName() + " was recorded as absent.");
    }
    String clean = text(note, 1000, "The dissent");
    if (clean == null) {
      throw new RuleViolation("missing-dissent", "Write what the dissent is and why.");
    }
    repository.recordDissent(caseId, dissenterId, clean, clock.instant());
    audit.recordAccess(
        AuditActions.UPDATE,
        CASE,
        Long.toString(caseId),
        Outcome.SUCCESS,
        "dissent " + dissenterId + ", patient " + c.patientId());
  }

  @Transactional
  public ConferenceCase.Action addAction(
      long caseId, ActionKind kind, String description, Long ownerId, long actingUserId) {
    ConferenceCase c = conferenceCase(caseId);
    CaseConference conference = conference(c.conferenceId());
    requireAttendee(conference, actingUserId, "add actions");
    if (!c.decided()) {
      throw new RuleViolation(
          "no-recommendation-yet", "Record the recommendation before the actions that follow.");
    }
    if (kind == null) {
      throw new RuleViolation("missing-action-kind", "Choose referral, order or task.");
    }
    String clean = text(description, 300, "The action");
    if (clean == null) {
      throw new RuleViolation("missing-action", "Describe the action.");
    }
    if (ownerId == null) {
      throw new RuleViolation("missing-owner", "Choose who owns the action.");
    }
    UserAccount owner = users.get(ownerId);
    if (!owner.enabled() || owner.roles().stream().noneMatch(Role::practiceStaff)) {
      throw new RuleViolation(
          "owner-not-staff", owner.displayName() + " is not active practice staff.");
    }
    long id = repository.insertAction(caseId, kind, clean, ownerId, clock.instant());
    audit.recordAccess(
        AuditActions.CREATE,
        "ConferenceAction",
        Long.toString(id),
        Outcome.SUCCESS,
        "case " + caseId + ", patient " + c.patientId());
    return repository.findAction(id).orElseThrow();
  }

  @Transactional
  public void changeActionStatus(long actionId, ActionStatus status, long actingUserId) {
    ConferenceCase.Action action =
        repository
            .findAction(actionId)
            .orElseThrow(() -> new NotFound("There is no conference action " + actionId + "."));
    ConferenceCase c = conferenceCase(action.caseId());
    if (action.ownerId() != actingUserId && !mayView(c, actingUserId)) {
      audit.recordAccess(
          AuditActions.UPDATE, "ConferenceAction", Long.toString(actionId), Outcome.DENIED);
      throw new RuleViolation(
          "not-allowed-to-change-action",
          "Only the action's owner, the conference's attendees or the patient's care team change"
              + " an action.");
    }
    if (status == null) {
      throw new RuleViolation("missing-status", "Choose open, done or cancelled.");
    }
    repository.setActionStatus(actionId, status, clock.instant());
    audit.recordAccess(
        AuditActions.UPDATE,
        "ConferenceAction",
        Long.toString(actionId),
        Outcome.SUCCESS,
        "status " + status.name() + ", patient " + c.patientId());
  }

  // ---- rules

  /** Practice clinicians who may attend. */
  public List<UserAccount> clinicians() {
    return users.all().stream()
        .filter(UserAccount::enabled)
        .filter(u -> u.roles().stream().anyMatch(CLINICIANS::contains))
        .toList();
  }

  /** Practice staff who may own an action. */
  public List<UserAccount> staff() {
    return users.all().stream()
        .filter(UserAccount::enabled)
        .filter(u -> u.roles().stream().anyMatch(Role::practiceStaff))
        .toList();
  }

  public Optional<UserAccount> user(long id) {
    try {
      return Optional.of(users.get(id));
    } catch (NotFound e) {
      return Optional.empty();
    }
  }

  private void requireClinician(long userId, String what) {
    UserAccount account = users.get(userId);
    if (!account.enabled() || account.roles().stream().noneMatch(CLINICIANS::contains)) {
      throw new RuleViolation(
          "not-a-clinician", "Only a physician, surgeon or nurse may " + what + ".");
    }
  }

  private UserAccount attendee(long userId) {
    UserAccount account;
    try {
      account = users.get(userId);
    } catch (NotFound e) {
      throw new RuleViolation("unknown-attendee", "There is no clinician " + userId + ".");
    }
    if (!account.enabled() || account.roles().stream().noneMatch(CLINICIANS::contains)) {
      throw new RuleViolation(
          "attendee-not-clinician",
          account.displayName() + " is not an active physician, surgeon or nurse of the practice.");
    }
    return account;
  }

  private void requireAttendee(CaseConference conference, long userId, String what) {
    if (!conference.attendedBy(userId)) {
      audit.recordAccess(
          AuditActions.UPDATE, CONFERENCE, Long.toString(conference.id()), Outcome.DENIED);
      throw new RuleViolation("not-an-attendee", "Only the conference's attendees " + what + ".");
    }
  }

  /** Whether the conference's day has come, so what it decided can be recorded. */
  public boolean dayReached(CaseConference conference) {
    return !today().isBefore(conference.startsAt().atZone(practice.timeZone()).toLocalDate());
  }

  public ConferenceCase.Action action(long id) {
    return repository
        .findAction(id)
        .orElseThrow(() -> new NotFound("There is no conference action " + id + "."));
  }

  private void requireConferenceDay(CaseConference conference) {
    LocalDate day = conference.startsAt().atZone(practice.timeZone()).toLocalDate();
    if (today().isBefore(day)) {
      throw new RuleViolation(
          "conference-not-yet",
          "The conference takes place on " + day + "; record what it decided from that day on.");
    }
  }

  private LocalDate today() {
    return practice.today(clock);
  }

  private Instant startOfToday() {
    return today().atStartOfDay(practice.timeZone()).toInstant();
  }

  private static RuleViolation alreadyNominated(CaseConference conference) {
    return new RuleViolation(
        "already-nominated", "The patient is already nominated for '" + conference.title() + "'.");
  }

  private static String text(String value, int max, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      throw new RuleViolation(
          "text-too-long", what + " has " + v.length() + " characters; at most " + max + " fit.");
    }
    return v;
  }
}
