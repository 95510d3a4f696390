package org.relief.procedures.scheduling;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.relief.identity.UserAccount;
import org.relief.patients.PatientRegistry;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.relief.procedures.BookedProcedure;
import org.relief.procedures.Laterality;
import org.relief.procedures.ProcedureBooking;
import org.relief.procedures.ProcedureCatalogue;
import org.relief.procedures.ProcedureNote;
import org.relief.procedures.ProcedureNotes;
import org.relief.procedures.SteroidExposure;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The afternoon list, the booking form and the readiness checklist with its start button. */
@Controller
class SchedulePagesController {

  /** The booking form as typed; kept when a booking is refused so nothing is lost. */
  record BookingForm(
      Long patient,
      Long session,
      String procedure,
      String levels,
      String side,
      Boolean sedation,
      String steroid,
      Boolean highBleedingRisk,
      @DateTimeFormat(pattern = "H:mm") LocalTime start,
      Integer minutes) {}

  private final SchedulingService scheduling;
  private final ProcedureStart procedureStart;
  private final ProcedureNotes notes;
  private final SteroidExposure steroids;
  private final ReadinessChecklists checklists;
  private final ProcedureRooms rooms;
  private final ProcedureCatalogue catalogue;
  private final PatientRegistry patients;
  private final CurrentStaff staff;
  private final PracticeSettings practice;
  private final Clock clock;

  SchedulePagesController(
      SchedulingService scheduling,
      ProcedureStart procedureStart,
      ProcedureNotes notes,
      SteroidExposure steroids,
      ReadinessChecklists checklists,
      ProcedureRooms rooms,
      ProcedureCatalogue catalogue,
      PatientRegistry patients,
      CurrentStaff staff,
      PracticeSettings practice,
      Clock clock) {
    this.scheduling = scheduling;
    this.procedureStart = procedureStart;
    this.notes = notes;
    this.steroids = steroids;
    this.checklists = checklists;
    this.rooms = rooms;
    this.catalogue = catalogue;
    this.patients = patients;
    this.staff = staff;
    this.practice = practice;
    this.clock = clock;
  }

  @GetMapping("/procedures/schedule")
  String schedule(
      @RequestParam(value = "date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate date,
      @RequestParam(value = "room", required = false) Long room,
      @RequestParam(value = "physician", required = false) Long physician,
      Model model) {
    LocalDate day = date != null ? date : today();
    model.addAttribute("date", day);
    model.addAttribute("previous", day.minusDays(1));
    model.addAttribute("next", day.plusDays(1));
    model.addAttribute("room", room);
    model.addAttribute("physician", physician);
    model.addAttribute("rooms", rooms.rooms());
    model.addAttribute("physicians", rooms.physicians());
    model.addAttribute("rows", scheduling.day(day, room, physician));
    model.addAttribute("activeNav", "procedures");
    return "procedures/schedule";
  }

  @GetMapping("/procedures/bookings/new")
  String bookingForm(@RequestParam("patient") long patient, Model model) {
    BookingForm form =
        new BookingForm(patient, null, null, null, "not-applicable", false, "", false, null, null);
    return bookingPage(model, form, null);
  }

  @PostMapping("/procedures/bookings")
  String book(BookingForm form, Model model, HttpServletResponse response) {
    try {
      if (form.patient() == null || form.session() == null) {
        throw new RuleViolation("session-missing", "Choose the session to book into.");
      }
      BookedProcedure booked =
          scheduling.book(
              new ProcedureBooking(
                  form.patient(),
                  form.session(),
                  form.procedure(),
                  levels(form.levels()),
                  form.side() == null || form.side().isBlank()
                      ? null
                      : Laterality.fromCode(form.side()),
                  Boolean.TRUE.equals(form.sedation()),
                  form.steroid() == null || form.steroid().isBlank()
                      ? null
                      : Boolean.valueOf(form.steroid()),
                  Boolean.TRUE.equals(form.highBleedingRisk()),
                  null,
                  form.start(),
                  form.minutes()),
              staff.get().id());
      return "redirect:/procedures/bookings/" + booked.id();
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return bookingPage(model, form, e.getMessage());
    }
  }

  @GetMapping("/procedures/bookings/{id}")
  String checklist(@PathVariable long id, Model model) {
    return checklistPage(model, id, null, null);
  }

  @PostMapping("/procedures/bookings/{id}/items/{item}/{action}")
  String item(
      @PathVariable long id,
      @PathVariable String item,
      @PathVariable String action,
      @RequestParam(value = "note", required = false) String note,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Model model,
      HttpServletResponse response) {
    return change(
        id,
        htmx,
        model,
        response,
        () -> {
          ReadinessItem which = ReadinessItem.fromCode(item);
          long by = staff.get().id();
          switch (action) {
            case "done" -> checklists.tick(id, which, note, by);
            case "not-applicable" -> checklists.notApplicable(id, which, note, by);
            case "override" -> checklists.override(id, which, note, by);
            case "reopen" -> checklists.reopen(id, which, by);
            default -> throw new RuleViolation("unknown-action", "There is no such action.");
          }
        });
  }

  @PostMapping("/procedures/bookings/{id}/anticoagulation/confirm")
  String confirm(
      @PathVariable long id,
      @RequestParam(value = "prescriber", required = false) String prescriber,
      @RequestParam(value = "discussedOn", required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate discussedOn,
      @RequestParam(value = "note", required = false) String note,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Model model,
      HttpServletResponse response) {
    return change(
        id,
        htmx,
        model,
        response,
        () ->
            checklists.confirmAnticoagulation(id, prescriber, discussedOn, note, staff.get().id()));
  }

  /**
   * Starts the procedure and opens its note, filled in with what was booked; a refusal comes back
   * on the checklist. An htmx request is sent on to the note with {@code HX-Redirect}.
   */
  @PostMapping("/procedures/bookings/{id}/start")
  String start(
      @PathVariable long id,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Model model,
      HttpServletResponse response) {
    ProcedureNote note;
    try {
      note = procedureStart.start(id, staff.get().id());
    } catch (RuleViolation e) {
      if (htmx == null) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      }
      return checklistPage(model, id, e.getMessage(), htmx);
    }
    String notePath = "/procedures/notes/" + note.id();
    if (htmx != null) {
      response.setHeader("HX-Redirect", notePath);
      return checklistPage(model, id, null, htmx);
    }
    return "redirect:" + notePath;
  }

  @PostMapping("/procedures/bookings/{id}/cancel")
  String cancel(
      @PathVariable long id,
      @RequestParam(value = "reason", required = false) String reason,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Model model,
      HttpServletResponse response) {
    return change(id, htmx, model, response, () -> scheduling.cancel(id, reason, staff.get().id()));
  }

  /**
   * Does the change; a plain form is redirected back to the checklist, an htmx request gets the
   * checklist fragment. A refusal re-renders the checklist with the message (422 for a plain form;
   * 200 for htmx so that it swaps the message in).
   */
  private String change(
      long id, String htmx, Model model, HttpServletResponse response, Runnable action) {
    try {
      action.run();
    } catch (RuleViolation e) {
      if (htmx == null) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      }
      return checklistPage(model, id, e.getMessage(), htmx);
    }
    if (htmx != null) {
      return checklistPage(model, id, null, htmx);
    }
    return "redirect:/procedures/bookings/" + id;
  }

  private String checklistPage(Model model, long id, String error, String htmx) {
    Checklist checklist = checklists.of(id);
    BookedProcedure b = checklist.booking();
    UserAccount me = staff.get();
    model.addAttribute("checklist", checklist);
    model.addAttribute("booking", b);
    model.addAttribute("patient", patients.open(b.patientId()));
    model.addAttribute("procedure", catalogue.require(b.procedureType()));
    model.addAttribute("room", rooms.room(b.roomId()));
    model.addAttribute("physicianName", scheduling.name(b.physicianId()));
    model.addAttribute("time", Exclusions.span(b.startsAt(), b.endsAt(), practice.timeZone()));
    model.addAttribute("day", LocalDate.ofInstant(b.startsAt(), practice.timeZone()));
    model.addAttribute("today", today());
    model.addAttribute("zone", practice.timeZone());
    model.addAttribute("isPhysician", me.has(Role.PAIN_PHYSICIAN));
    model.addAttribute(
        "canTick", me.has(Role.PAIN_PHYSICIAN) || me.has(Role.NURSE) || me.has(Role.FRONT_DESK));
    model.addAttribute("error", error);
    model.addAttribute("note", notes.forBooking(id).orElse(null));
    model.addAttribute("exposure", steroids.forPatient(b.patientId(), today()));
    model.addAttribute("activeNav", "procedures");
    return htmx != null ? "procedures/checklist :: checklist" : "procedures/checklist";
  }

  private String bookingPage(Model model, BookingForm form, String error) {
    model.addAttribute("patient", patients.open(form.patient()));
    model.addAttribute("exposure", steroids.forPatient(form.patient(), today()));
    model.addAttribute("form", form);
    model.addAttribute("error", error);
    model.addAttribute("procedures", catalogue.all());
    model.addAttribute("sides", Laterality.values());
    LocalDate today = today();
    model.addAttribute(
        "sessions",
        rooms.sessions(today, today.plusDays(28)).stream()
            .map(
                s ->
                    new SessionChoice(
                        s.id(),
                        s.date()
                            + " · "
                            + s.roomName()
                            + " · "
                            + Exclusions.span(s.startsAt(), s.endsAt(), practice.timeZone())
                            + " · "
                            + scheduling.name(s.physicianId())))
            .toList());
    model.addAttribute("activeNav", "procedures");
    return "procedures/book";
  }

  /** A session as the booking form offers it. */
  record SessionChoice(long id, String label) {}

  /** "L4-L5, l5-s1" → [L4–L5, L5–S1]: hyphens typed on a keyboard become the catalogue's dashes. */
  static List<String> levels(String typed) {
    if (typed == null || typed.isBlank()) {
      return List.of();
    }
    return Arrays.stream(typed.split("[,;\\s]+"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(s -> s.toUpperCase(Locale.ROOT).replace('-', '–'))
        .toList();
  }

  private LocalDate today() {
    return practice.today(clock);
  }
}
