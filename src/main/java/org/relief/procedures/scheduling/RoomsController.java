package org.relief.procedures.scheduling;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The practice administrator's page for procedure rooms and session days. */
@Controller
class RoomsController {

  /** A session day as typed; kept when refused. */
  record SessionForm(
      Long room,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @DateTimeFormat(pattern = "H:mm") LocalTime start,
      @DateTimeFormat(pattern = "H:mm") LocalTime end,
      Long physician) {}

  private final ProcedureRooms rooms;
  private final SchedulingService scheduling;
  private final PracticeSettings practice;
  private final Clock clock;

  RoomsController(
      ProcedureRooms rooms, SchedulingService scheduling, PracticeSettings practice, Clock clock) {
    this.rooms = rooms;
    this.scheduling = scheduling;
    this.practice = practice;
    this.clock = clock;
  }

  @GetMapping("/procedures/rooms")
  String page(Model model) {
    return page(model, null, null, null);
  }

  @PostMapping("/procedures/rooms")
  String addRoom(
      @RequestParam(value = "name", required = false) String name,
      @RequestParam(value = "imaging", required = false) List<Imaging> imaging,
      Model model,
      HttpServletResponse response) {
    try {
      rooms.addRoom(name, imaging);
      return "redirect:/procedures/rooms";
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, e.getMessage(), name, null);
    }
  }

  @PostMapping("/procedures/rooms/{id}")
  String changeRoom(
      @PathVariable long id,
      @RequestParam(value = "name", required = false) String name,
      @RequestParam(value = "imaging", required = false) List<Imaging> imaging,
      @RequestParam(value = "active", required = false) boolean active,
      Model model,
      HttpServletResponse response) {
    try {
      rooms.changeRoom(id, name, imaging, active);
      return "redirect:/procedures/rooms";
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, e.getMessage(), null, null);
    }
  }

  @PostMapping("/procedures/sessions")
  String addSession(SessionForm form, Model model, HttpServletResponse response) {
    try {
      if (form.room() == null || form.physician() == null) {
        throw new RuleViolation(
            "session-incomplete", "Choose the room and the physician of the session.");
      }
      rooms.addSession(form.room(), form.date(), form.start(), form.end(), form.physician());
      return "redirect:/procedures/rooms";
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, e.getMessage(), null, form);
    }
  }

  private String page(Model model, String error, String roomName, SessionForm form) {
    LocalDate today = practice.today(clock);
    model.addAttribute("rooms", rooms.rooms());
    model.addAttribute("imagingKinds", Imaging.values());
    model.addAttribute("physicians", rooms.physicians());
    model.addAttribute(
        "sessions",
        rooms.sessions(today, today.plusDays(28)).stream()
            .map(
                s ->
                    new SessionLine(
                        s,
                        Exclusions.span(s.startsAt(), s.endsAt(), practice.timeZone()),
                        scheduling.name(s.physicianId())))
            .toList());
    model.addAttribute("error", error);
    model.addAttribute("roomName", roomName);
    model.addAttribute(
        "form",
        form != null
            ? form
            : new SessionForm(
                null, today.plusDays(1), LocalTime.of(13, 0), LocalTime.of(17, 0), null));
    model.addAttribute("activeNav", "procedure-rooms");
    return "procedures/rooms";
  }

  /** A session as the page lists it. */
  record SessionLine(SessionDay session, String time, String physicianName) {}
}
