package org.relief.consultations.visits;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relief.consultations.Visit;
import org.relief.consultations.VisitKind;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class VisitController {

  private final AppointmentBook book;
  private final PatientRegistry patients;
  private final UserAccounts accounts;
  private final Clock clock;
  private final PracticeSettings practice;

  VisitController(
      AppointmentBook book,
      PatientRegistry patients,
      UserAccounts accounts,
      Clock clock,
      PracticeSettings practice) {
    this.book = book;
    this.patients = patients;
    this.accounts = accounts;
    this.clock = clock;
    this.practice = practice;
  }

  /** A booking as typed at the front desk; the patient is given by MRN. */
  record BookingForm(
      String mrn,
      Long clinicianId,
      VisitKind kind,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @DateTimeFormat(pattern = "HH:mm") LocalTime time,
      Integer minutes) {

    static BookingForm empty(LocalDate day) {
      return new BookingForm("", null, VisitKind.FOLLOW_UP, day, null, null);
    }
  }

  /** One line of a clinician's list. */
  record Row(Visit visit, Patient patient, LocalTime start, LocalTime end) {}

  /** A clinician's column of the day. */
  record Column(UserAccount clinician, List<Row> rows) {}

  @GetMapping("/visits")
  String day(
      @RequestParam(value = "day", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate day,
      Principal principal,
      Model model) {
    LocalDate shown = day == null ? today() : day;
    return page(model, me(principal), shown, BookingForm.empty(shown), null);
  }

  @PostMapping("/visits")
  String bookVisit(
      BookingForm form,
      BindingResult binding,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    LocalDate shown = form.date() == null ? today() : form.date();
    if (binding.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, me(principal), shown, form, bindingMessage(binding));
    }
    try {
      long patientId = patientByMrn(form.mrn());
      if (form.date() == null || form.time() == null) {
        throw new RuleViolation("missing-time", "Give the date and time of the visit.");
      }
      Visit visit =
          book.book(
              new AppointmentBook.Booking(
                  patientId,
                  form.clinicianId(),
                  form.kind(),
                  LocalDateTime.of(form.date(), form.time()),
                  form.minutes()),
              me(principal).id());
      return "redirect:/visits?day=" + shown + "&booked=" + visit.id();
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, me(principal), shown, form, e.getMessage());
    }
  }

  @PostMapping("/visits/{id}/status")
  String changeStatus(
      @PathVariable long id,
      @RequestParam("to") String to,
      @RequestParam(value = "back", required = false) String back,
      Principal principal) {
    if (!"ARRIVED".equals(to) && !frontDesk(me(principal))) {
      throw new AccessDeniedException("Only the front desk cancels visits or records no-shows.");
    }
    Visit visit = book.require(id);
    switch (to) {
      case "ARRIVED" -> book.markArrived(id);
      case "CANCELLED" -> book.cancel(id);
      case "NO_SHOW" -> book.markNoShow(id);
      default ->
          throw new RuleViolation(
              "unknown-status", "Mark a visit as arrived, cancelled or did not attend.");
    }
    if ("today".equals(back)) {
      return "redirect:/today";
    }
    return "redirect:/visits?day=" + visit.startsAt().atZone(practice.timeZone()).toLocalDate();
  }

  private String page(
      Model model, UserAccount user, LocalDate day, BookingForm form, String error) {
    ZoneId zone = practice.timeZone();
    List<Visit> visits = book.day(day);
    List<UserAccount> clinicians = book.clinicians();
    Map<Long, Column> columns = new LinkedHashMap<>();
    for (UserAccount c : clinicians) {
      columns.put(c.id(), new Column(c, new ArrayList<>()));
    }
    Map<Long, Patient> seen = new LinkedHashMap<>();
    for (Visit v : visits) {
      Column column =
          columns.computeIfAbsent(
              v.clinicianId(), id -> new Column(accounts.get(id), new ArrayList<>()));
      Patient p = seen.computeIfAbsent(v.patientId(), patients::open);
      column
          .rows()
          .add(
              new Row(
                  v,
                  p,
                  v.startsAt().atZone(zone).toLocalTime(),
                  v.endsAt().atZone(zone).toLocalTime()));
    }
    model.addAttribute("day", day);
    model.addAttribute("today", today());
    model.addAttribute("columns", columns.values());
    model.addAttribute("visitCount", visits.size());
    model.addAttribute("clinicians", clinicians);
    model.addAttribute("kinds", VisitKind.values());
    model.addAttribute("form", form);
    model.addAttribute("error", error);
    model.addAttribute("canBook", frontDesk(user));
    model.addAttribute(
        "canOpenNotes",
        user.has(Role.PAIN_PHYSICIAN) || user.has(Role.SURGEON) || user.has(Role.NURSE));
    model.addAttribute("canMarkArrived", frontDesk(user) || user.has(Role.NURSE));
    model.addAttribute("activeNav", "today");
    return "consultations/visits";
  }

  private long patientByMrn(String mrn) {
    if (mrn == null || mrn.isBlank()) {
      throw new RuleViolation("missing-patient", "Give the patient's MRN.");
    }
    return patients
        .openByMrn(mrn)
        .map(Patient::id)
        .orElseThrow(
            () -> {
              String typed = mrn.strip();
              return new RuleViolation(
                  "unknown-mrn",
                  "No patient has the MRN '"
                      + (typed.length() <= 20 ? typed : typed.substring(0, 20) + "…")
                      + "'; search the patient list first or register the patient.");
            });
  }

  private UserAccount me(Principal principal) {
    return accounts.findByUsername(principal.getName()).orElseThrow();
  }

  private LocalDate today() {
    return practice.today(clock);
  }

  static boolean frontDesk(UserAccount user) {
    return user != null && user.has(Role.FRONT_DESK);
  }

  private static String bindingMessage(BindingResult binding) {
    var field = binding.getFieldError();
    if (field != null) {
      return switch (field.getField()) {
        case "date" -> "The date must be a date such as 2026-11-25.";
        case "time" -> "The time must be a time such as 09:30.";
        case "minutes" -> "The length is a number of minutes, such as 20.";
        case "clinicianId" -> "Choose the clinician from the list.";
        default -> "Choose the kind of visit from the list.";
      };
    }
    return "Check the booking and try again.";
  }
}
