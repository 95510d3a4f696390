package org.relief.procedures.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.CurrentMedication;
import org.relief.patients.Patient;
import org.relief.patients.PatientConditions;
import org.relief.patients.PatientMedications;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.relief.procedures.Action;
import org.relief.procedures.AnticoagulationPlan;
import org.relief.procedures.AnticoagulationPlanner;
import org.relief.procedures.BookedProcedure;
import org.relief.procedures.BookingStatus;
import org.relief.procedures.MedicationPlan;
import org.relief.procedures.MedicationTaken;
import org.relief.procedures.Readiness;
import org.relief.procedures.scheduling.Checklist.Item;
import org.relief.procedures.scheduling.Checklist.State;
import org.relief.procedures.scheduling.ReadinessRepository.Entry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The readiness checklist of a booked procedure: works out which items apply from the patient's
 * record and the booking, and records what staff tick, mark not applicable, confirm or override.
 *
 * <p>Design notes. Items Relief can decide from the record are decided afresh at every look, so a
 * medication added after booking reopens the anticoagulation item: a confirmation holds only for
 * the plan it confirmed (its fingerprint). What people record is appended, never changed; the
 * latest entry per item counts. The anticoagulation plan uses the guideline of clinical-rules.md §1
 * through {@link AnticoagulationPlanner}; drugs whose regimen the medication list does not say get
 * the planner's longer hold. Diabetes is an active ICD-10-CM E08–E13 diagnosis.
 */
@Service
public class ReadinessChecklists {

  static final String AUDIT_TYPE = "Appointment";
  private static final Set<String> DIABETES = Set.of("E08", "E09", "E10", "E11", "E13");
  private static final Set<Role> CLINICIANS = Set.of(Role.PAIN_PHYSICIAN, Role.SURGEON, Role.NURSE);

  private final ScheduleRepository schedule;
  private final ReadinessRepository entries;
  private final PatientRegistry patients;
  private final PatientMedications medications;
  private final PatientConditions conditions;
  private final AnticoagulationPlanner planner;
  private final UserAccounts users;
  private final AuditTrail audit;
  private final SchedulingSettings settings;
  private final PracticeSettings practice;
  private final Clock clock;

  ReadinessChecklists(
      ScheduleRepository schedule,
      ReadinessRepository entries,
      PatientRegistry patients,
      PatientMedications medications,
      PatientConditions conditions,
      AnticoagulationPlanner planner,
      UserAccounts users,
      AuditTrail audit,
      SchedulingSettings settings,
      PracticeSettings practice,
      Clock clock) {
    this.schedule = schedule;
    this.entries = entries;
    this.patients = patients;
    this.medications = medications;
    this.conditions = conditions;
    this.planner = planner;
    this.users = users;
    this.audit = audit;
    this.settings = settings;
    this.practice = practice;
    this.clock = clock;
  }

  /** The checklist of a booking as it stands now (audited). */
  public Checklist of(long bookingId) {
    BookedProcedure booking = booking(bookingId);
    audit.recordAccess(
        AuditActions.READ, AUDIT_TYPE, Long.toString(bookingId), Outcome.SUCCESS, "checklist");
    return checklist(booking);
  }

  /** The readiness of a booking (audited as part of reading the booking). */
  public Readiness readiness(BookedProcedure booking) {
    return checklist(booking).readiness();
  }

  /** Records an item as done, with an optional note. */
  @Transactional
  public void tick(long bookingId, ReadinessItem item, String note, long byUserId) {
    Checklist list = changeable(bookingId);
    if (item == ReadinessItem.ANTICOAGULATION) {
      throw new RuleViolation(
          "confirm-anticoagulation",
          "The anticoagulation plan is confirmed with the prescriber's name and the date it was"
              + " discussed; use Confirm with prescriber.");
    }
    requireOpenOrRecorded(list, item);
    record(bookingId, item, "done", clean(note, 500), null, null, null, byUserId);
  }

  /** Records that an item does not apply to this patient, with the reason. */
  @Transactional
  public void notApplicable(long bookingId, ReadinessItem item, String reason, long byUserId) {
    Checklist list = changeable(bookingId);
    if (item == ReadinessItem.ANTICOAGULATION) {
      throw new RuleViolation(
          "anticoagulation-applies",
          "The anticoagulation item is decided from the medication list; confirm the plan with"
              + " the prescriber or have a pain physician override it.");
    }
    requireOpenOrRecorded(list, item);
    String why = required(reason, "Say why the item does not apply.", "reason-missing");
    record(bookingId, item, "not-applicable", why, null, null, null, byUserId);
  }

  /** Records that the anticoagulation plan was confirmed with the prescriber. */
  @Transactional
  public void confirmAnticoagulation(
      long bookingId, String prescriber, LocalDate discussedOn, String note, long byUserId) {
    Checklist list = changeable(bookingId);
    Item item = find(list, ReadinessItem.ANTICOAGULATION);
    if (item.state() != State.OPEN) {
      throw new RuleViolation(
          "nothing-to-confirm",
          "The anticoagulation item is already "
              + item.state().label().toLowerCase(java.util.Locale.ROOT)
              + "; there is no plan waiting for the prescriber.");
    }
    UserAccount user = user(byUserId);
    if (CLINICIANS.stream().noneMatch(user::has)) {
      throw new RuleViolation(
          "clinician-confirms",
          "A clinician (physician or nurse) records the prescriber's confirmation.");
    }
    String who =
        required(
            prescriber, "Give the prescriber the plan was confirmed with.", "prescriber-missing");
    if (discussedOn == null) {
      throw new RuleViolation(
          "discussed-on-missing", "Give the date the plan was discussed with the prescriber.");
    }
    if (discussedOn.isAfter(today())) {
      throw new RuleViolation(
          "discussed-in-future", "The date %s is in the future.".formatted(discussedOn));
    }
    record(
        bookingId,
        ReadinessItem.ANTICOAGULATION,
        "done",
        clean(note, 500),
        clean(who, 120),
        discussedOn,
        fingerprint(list.plan()),
        byUserId);
  }

  /** A pain physician lets the procedure go ahead with an item open, giving the reason. */
  @Transactional
  public void override(long bookingId, ReadinessItem item, String reason, long byUserId) {
    Checklist list = changeable(bookingId);
    if (!user(byUserId).has(Role.PAIN_PHYSICIAN)) {
      throw new RuleViolation(
          "physician-overrides", "Only a pain physician overrides a checklist item.");
    }
    Item current = find(list, item);
    if (current.state() != State.OPEN) {
      throw new RuleViolation(
          "item-not-open",
          "\"%s\" is %s; only an open item is overridden."
              .formatted(item.label(), current.state().label().toLowerCase(java.util.Locale.ROOT)));
    }
    String why =
        required(reason, "Give the reason for going ahead with this item open.", "reason-missing");
    record(
        bookingId,
        item,
        "overridden",
        clean(why, 500),
        null,
        null,
        fingerprint(list.plan()),
        byUserId);
  }

  /** Opens an item again (a tick given by mistake); overrides are reopened by a pain physician. */
  @Transactional
  public void reopen(long bookingId, ReadinessItem item, long byUserId) {
    Checklist list = changeable(bookingId);
    Item current = find(list, item);
    if (current.automatic() || current.state() == State.OPEN) {
      throw new RuleViolation(
          "item-not-recorded", "\"%s\" has nothing recorded to undo.".formatted(item.label()));
    }
    if (current.state() == State.OVERRIDDEN && !user(byUserId).has(Role.PAIN_PHYSICIAN)) {
      throw new RuleViolation(
          "physician-overrides", "Only a pain physician withdraws an override.");
    }
    record(bookingId, item, "reopened", null, null, null, null, byUserId);
  }

  private void record(
      long bookingId,
      ReadinessItem item,
      String state,
      String note,
      String prescriber,
      LocalDate discussedOn,
      String fingerprint,
      long byUserId) {
    entries.append(
        bookingId,
        item,
        state,
        note,
        prescriber,
        discussedOn,
        fingerprint,
        byUserId,
        clock.instant());
    audit.recordAccess(
        AuditActions.UPDATE,
        AUDIT_TYPE,
        Long.toString(bookingId),
        Outcome.SUCCESS,
        "readiness " + item.code() + " " + state);
  }

  private Checklist changeable(long bookingId) {
    BookedProcedure booking = booking(bookingId);
    if (booking.status() != BookingStatus.BOOKED) {
      throw new RuleViolation(
          "booking-not-open",
          "This procedure is %s; its checklist can no longer be changed."
              .formatted(booking.status().label().toLowerCase(java.util.Locale.ROOT)));
    }
    return checklist(booking);
  }

  private void requireOpenOrRecorded(Checklist list, ReadinessItem item) {
    Item current = find(list, item);
    if (current.automatic()) {
      throw new RuleViolation(
          "item-decided-by-record",
          "\"%s\" is %s from the patient's record: %s"
              .formatted(
                  item.label(),
                  current.state().label().toLowerCase(java.util.Locale.ROOT),
                  current.why()));
    }
  }

  private static Item find(Checklist list, ReadinessItem item) {
    return list.items().stream().filter(i -> i.item() == item).findFirst().orElseThrow();
  }

  Checklist checklist(BookedProcedure booking) {
    Map<ReadinessItem, Entry> latest = new EnumMap<>(ReadinessItem.class);
    for (Entry e : entries.latest(booking.id())) {
      latest.put(ReadinessItem.fromCode(e.item()), e);
    }
    LocalDate day = LocalDate.ofInstant(booking.startsAt(), practice.timeZone());
    Patient patient = patients.open(booking.patientId());
    List<Item> items = new ArrayList<>();
    AnticoagulationPlan plan = plan(booking, day);
    items.add(anticoagulation(booking, plan, latest.get(ReadinessItem.ANTICOAGULATION)));
    items.add(recorded(ReadinessItem.CONSENT, latest, null));
    items.add(recorded(ReadinessItem.CONTRAST_ALLERGY, latest, null));
    items.add(pregnancy(patient, day, latest));
    items.add(recorded(ReadinessItem.INFECTION, latest, null));
    items.add(glucose(booking, latest));
    items.add(sedated(ReadinessItem.DRIVER, booking, latest));
    items.add(sedated(ReadinessItem.FASTING, booking, latest));
    items.add(recorded(ReadinessItem.IMAGING, latest, null));
    items.add(recorded(ReadinessItem.PRIOR_AUTHORISATION, latest, PayerCriteria.hint(booking)));
    int open = (int) items.stream().filter(Item::open).count();
    int overridden = (int) items.stream().filter(i -> i.state() == State.OVERRIDDEN).count();
    return new Checklist(booking, items, Readiness.of(open, overridden), plan);
  }

  private AnticoagulationPlan plan(BookedProcedure booking, LocalDate day) {
    List<CurrentMedication> drugs = medications.current(booking.patientId()).bleedingRisk();
    if (drugs.isEmpty()) {
      return null;
    }
    List<MedicationTaken> taken = drugs.stream().map(m -> new MedicationTaken(m.drug())).toList();
    return planner.plan(booking.procedureType(), day, booking.highBleedingRisk(), taken);
  }

  private Item anticoagulation(BookedProcedure booking, AnticoagulationPlan plan, Entry entry) {
    ReadinessItem item = ReadinessItem.ANTICOAGULATION;
    String hint =
        "Planned for a "
            + (booking.highBleedingRisk() ? "patient at high bleeding risk" : "standard-risk")
            + " patient from the current medication list (ASRA 2018, clinical-rules.md §1).";
    if (plan == null) {
      return automatic(
          item,
          State.DONE,
          "No anticoagulant, antiplatelet or NSAID on the current medication list.",
          hint);
    }
    List<MedicationPlan> needing =
        plan.medications().stream()
            .filter(m -> m.action() != Action.CONTINUE || !m.confirmed())
            .toList();
    if (needing.isEmpty()) {
      return automatic(
          item,
          State.DONE,
          "Continue "
              + plan.medications().stream()
                  .map(MedicationPlan::drug)
                  .collect(Collectors.joining(", "))
              + ": no hold before a "
              + plan.riskClass().code()
              + "-risk procedure (clinical-rules.md §1b).",
          hint);
    }
    String why =
        needing.stream().map(ReadinessChecklists::advice).collect(Collectors.joining("; "));
    if (entry != null && entry.state().equals("overridden")) {
      return people(item, State.OVERRIDDEN, why, entry, hint);
    }
    if (entry != null && entry.state().equals("done")) {
      if (fingerprint(plan).equals(entry.planFingerprint())) {
        return people(item, State.DONE, why, entry, hint);
      }
      return new Item(
          item,
          State.OPEN,
          false,
          "The plan changed since it was confirmed on "
              + entry.discussedOn()
              + " (the medication list changed): "
              + why,
          null,
          null,
          null,
          null,
          null,
          hint);
    }
    return new Item(item, State.OPEN, false, why, null, null, null, null, null, hint);
  }

  private static String advice(MedicationPlan m) {
    String text =
        switch (m.action()) {
          case HOLD ->
              m.drug()
                  + ": hold, last dose "
                  + m.lastDoseOn()
                  + " ("
                  + m.stopBeforeHours()
                  + " h before)"
                  + (m.restartAfterHours() == null
                      ? ""
                      : ", restart after " + m.restartAfterHours() + " h");
          case SHARED_DECISION -> m.drug() + ": decide with the prescriber";
          case CONTINUE -> m.drug() + ": continue";
        };
    return text + (m.confirmed() ? "" : " (unconfirmed — confirm locally)");
  }

  private Item pregnancy(Patient patient, LocalDate day, Map<ReadinessItem, Entry> latest) {
    ReadinessItem item = ReadinessItem.PREGNANCY;
    String range = settings.pregnancyCheckMinAge() + "–" + settings.pregnancyCheckMaxAge();
    String hint =
        "Asked of female patients aged "
            + range
            + " (practice setting "
            + SchedulingSettings.PREFIX
            + ".pregnancy-check-min-age / -max-age).";
    if (patient.sex() != Sex.FEMALE) {
      return automatic(
          item,
          State.NOT_APPLICABLE,
          "Recorded sex is " + patient.sex().label().toLowerCase(java.util.Locale.ROOT) + ".",
          hint);
    }
    int age = patient.ageOn(day);
    if (age < settings.pregnancyCheckMinAge() || age > settings.pregnancyCheckMaxAge()) {
      return automatic(
          item, State.NOT_APPLICABLE, "Age " + age + " on the day, outside " + range + ".", hint);
    }
    return recorded(item, latest, hint);
  }

  private Item glucose(BookedProcedure booking, Map<ReadinessItem, Entry> latest) {
    ReadinessItem item = ReadinessItem.GLUCOSE_PLAN;
    if (!booking.steroid()) {
      return automatic(item, State.NOT_APPLICABLE, "No steroid planned.", null);
    }
    List<String> diabetes =
        conditions.of(booking.patientId()).stream()
            .filter(PatientConditions.Condition::active)
            .filter(c -> c.code().length() >= 3 && DIABETES.contains(c.code().substring(0, 3)))
            .map(c -> c.code() + " " + c.description())
            .toList();
    if (diabetes.isEmpty()) {
      return automatic(
          item,
          State.NOT_APPLICABLE,
          "No active diabetes diagnosis (ICD-10-CM E08–E13) on the problem list.",
          null);
    }
    Item recorded = recorded(item, latest, "Active diagnosis: " + String.join("; ", diabetes));
    return recorded;
  }

  private Item sedated(ReadinessItem item, BookedProcedure booking, Map<ReadinessItem, Entry> l) {
    if (!booking.sedation()) {
      return automatic(item, State.NOT_APPLICABLE, "No sedation planned.", null);
    }
    return recorded(item, l, null);
  }

  private Item recorded(ReadinessItem item, Map<ReadinessItem, Entry> latest, String hint) {
    Entry entry = latest.get(item);
    if (entry == null || entry.state().equals("reopened")) {
      return new Item(item, State.OPEN, false, null, null, null, null, null, null, hint);
    }
    State state =
        switch (entry.state()) {
          case "done" -> State.DONE;
          case "not-applicable" -> State.NOT_APPLICABLE;
          default -> State.OVERRIDDEN;
        };
    return people(item, state, entry.state().equals("done") ? null : entry.note(), entry, hint);
  }

  private Item people(ReadinessItem item, State state, String why, Entry entry, String hint) {
    return new Item(
        item,
        state,
        false,
        why,
        displayName(entry.recordedBy()),
        entry.recordedAt(),
        entry.note(),
        entry.prescriber(),
        entry.discussedOn(),
        hint);
  }

  private static Item automatic(ReadinessItem item, State state, String why, String hint) {
    return new Item(item, state, true, why, null, null, null, null, null, hint);
  }

  /** What a confirmation confirmed: the class and each drug's advice. */
  static String fingerprint(AnticoagulationPlan plan) {
    if (plan == null) {
      return "none";
    }
    return plan.riskClass().code()
        + "|"
        + plan.medications().stream()
            .map(m -> m.drug() + ":" + m.action().code() + ":" + m.stopBeforeHours())
            .sorted()
            .collect(Collectors.joining(","));
  }

  private BookedProcedure booking(long bookingId) {
    return schedule
        .findBooking(bookingId)
        .orElseThrow(() -> new NotFound("There is no booked procedure " + bookingId + "."));
  }

  private UserAccount user(long id) {
    try {
      return users.get(id);
    } catch (NotFound e) {
      throw new RuleViolation("unknown-user", "There is no user account " + id + ".");
    }
  }

  private String displayName(long userId) {
    try {
      return users.get(userId).displayName();
    } catch (NotFound e) {
      return "user " + userId;
    }
  }

  private LocalDate today() {
    return practice.today(clock);
  }

  static String clean(String text, int max) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.strip();
    if (s.length() > max) {
      throw new RuleViolation(
          "text-too-long", "Keep it to %d characters; %d were given.".formatted(max, s.length()));
    }
    return s;
  }

  private static String required(String text, String message, String code) {
    String s = clean(text, 500);
    if (s == null) {
      throw new RuleViolation(code, message);
    }
    return s;
  }
}
