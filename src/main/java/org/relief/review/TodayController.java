package org.relief.review;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relief.assessments.QuestionnaireProgress;
import org.relief.consultations.ClinicList;
import org.relief.consultations.PlanItem;
import org.relief.consultations.TreatmentPlans;
import org.relief.consultations.Visit;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.procedures.ProcedureCatalogue;
import org.relief.procedures.ProcedureType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Today: a physician or surgeon sees their own clinic list (visits in time order with arrival and
 * questionnaire status), their tasks (open items of the treatment plans they own) and the sections
 * other modules contribute through {@link TodayItems}; the front desk and nurses see the day's
 * whole list, clinician by clinician. The practice administrator sees the staff counts only.
 */
@Controller
class TodayController {

  private final Clock clock;
  private final PracticeSettings practice;
  private final UserAccounts accounts;
  private final ClinicList clinicList;
  private final TreatmentPlans plans;
  private final QuestionnaireProgress questionnaires;
  private final PatientRegistry patients;
  private final List<TodayItems> contributed;
  private final ProcedureCatalogue catalogue;

  TodayController(
      Clock clock,
      PracticeSettings practice,
      UserAccounts accounts,
      ClinicList clinicList,
      TreatmentPlans plans,
      QuestionnaireProgress questionnaires,
      PatientRegistry patients,
      List<TodayItems> contributed,
      ProcedureCatalogue catalogue) {
    this.catalogue = catalogue;
    this.clock = clock;
    this.practice = practice;
    this.accounts = accounts;
    this.clinicList = clinicList;
    this.plans = plans;
    this.questionnaires = questionnaires;
    this.patients = patients;
    this.contributed =
        contributed.stream().sorted(Comparator.comparingInt(TodayItems::order)).toList();
  }

  /** One visit on the list, with the patient and their questionnaire state. */
  record Row(
      Visit visit,
      Patient patient,
      LocalTime start,
      Optional<QuestionnaireProgress.Latest> questionnaire,
      Optional<Instant> lastAnswered) {}

  /** An open plan item the clinician has to act on. */
  record Task(PlanItem item, Patient patient, String procedure) {}

  /** A contributed section with its items for one clinician. */
  record Section(String heading, List<TodayItems.Item> items, Map<Long, Patient> patients) {}

  /** One clinician's day. */
  record ClinicianDay(
      UserAccount clinician, List<Row> rows, List<Task> tasks, List<Section> sections) {}

  @GetMapping("/today")
  String today(Principal principal, Model model) {
    ZoneId zone = practice.timeZone();
    LocalDate day = practice.today(clock);
    UserAccount me = accounts.findByUsername(principal.getName()).orElseThrow();
    boolean clinician = me.has(Role.PAIN_PHYSICIAN) || me.has(Role.SURGEON);
    boolean wholeList = me.has(Role.FRONT_DESK) || me.has(Role.NURSE);
    model.addAttribute("date", day);
    model.addAttribute("activeNav", "today");
    model.addAttribute("zone", zone);
    model.addAttribute("clinician", clinician);
    model.addAttribute("wholeList", wholeList);
    model.addAttribute("canOpenVisits", clinician || me.has(Role.NURSE));
    model.addAttribute("canMarkArrived", wholeList);

    Map<Long, Patient> seen = new HashMap<>();
    List<ClinicianDay> days = new ArrayList<>();
    if (clinician) {
      days.add(dayOf(me, clinicList.day(me.id(), day), day, seen, true));
    } else if (wholeList) {
      Map<Long, List<Visit>> byClinician = new LinkedHashMap<>();
      for (Visit v : clinicList.day(day)) {
        byClinician.computeIfAbsent(v.clinicianId(), id -> new ArrayList<>()).add(v);
      }
      for (var entry : byClinician.entrySet()) {
        days.add(dayOf(accounts.get(entry.getKey()), entry.getValue(), day, seen, false));
      }
      days.sort(Comparator.comparing(d -> d.clinician().displayName()));
    }
    model.addAttribute("days", days);
    model.addAttribute("sectionsProvided", !contributed.isEmpty());

    if (me.has(Role.PRACTICE_ADMIN)) {
      Map<Role, Long> staff = new EnumMap<>(Role.class);
      for (UserAccount account : accounts.all()) {
        if (account.enabled()) {
          account.roles().forEach(r -> staff.merge(r, 1L, Long::sum));
        }
      }
      model.addAttribute("staff", staff);
    }
    return "review/today";
  }

  private ClinicianDay dayOf(
      UserAccount who, List<Visit> visits, LocalDate day, Map<Long, Patient> seen, boolean own) {
    ZoneId zone = practice.timeZone();
    List<Row> rows = new ArrayList<>();
    Map<Long, Optional<QuestionnaireProgress.Latest>> progress = new HashMap<>();
    Map<Long, Optional<Instant>> answeredAt = new HashMap<>();
    for (Visit v : visits) {
      Patient p = seen.computeIfAbsent(v.patientId(), patients::open);
      Optional<QuestionnaireProgress.Latest> q =
          progress.computeIfAbsent(v.patientId(), questionnaires::latest);
      Optional<Instant> answered =
          q.isPresent()
              ? Optional.empty()
              : answeredAt.computeIfAbsent(v.patientId(), questionnaires::lastAnswered);
      rows.add(new Row(v, p, v.startsAt().atZone(zone).toLocalTime(), q, answered));
    }
    List<Task> tasks = new ArrayList<>();
    if (own) {
      for (PlanItem item : plans.openItemsOwnedBy(who.id())) {
        String procedure =
            item.procedureCode() == null
                ? null
                : catalogue
                    .find(item.procedureCode())
                    .map(ProcedureType::name)
                    .orElse(item.procedureCode());
        tasks.add(
            new Task(item, seen.computeIfAbsent(item.patientId(), patients::open), procedure));
      }
    }
    List<Section> sections = new ArrayList<>();
    for (TodayItems source : contributed) {
      List<TodayItems.Item> items = source.forClinician(who.id(), day);
      Map<Long, Patient> named = new HashMap<>();
      items.forEach(
          i -> named.put(i.patientId(), seen.computeIfAbsent(i.patientId(), patients::open)));
      sections.add(new Section(source.heading(), items, named));
    }
    return new ClinicianDay(who, rows, tasks, sections);
  }
}
