package org.relief.conferences.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relief.conferences.AwaitingConference;
import org.relief.conferences.CaseConference;
import org.relief.conferences.CaseConferences;
import org.relief.conferences.ConferenceCase;
import org.relief.conferences.ConferenceSettings;
import org.relief.conferences.packet.CaseOutcome;
import org.relief.conferences.packet.CasePackets;
import org.relief.identity.UserAccount;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The conference list, scheduling, and one conference's page with its cases and follow-through. */
@Controller
class ConferenceController {

  private final CaseConferences conferences;
  private final CasePackets packets;
  private final PatientRegistry patients;
  private final SignedIn signedIn;
  private final PracticeSettings practice;
  private final ConferenceSettings settings;

  ConferenceController(
      CaseConferences conferences,
      CasePackets packets,
      PatientRegistry patients,
      SignedIn signedIn,
      PracticeSettings practice,
      ConferenceSettings settings) {
    this.settings = settings;
    this.conferences = conferences;
    this.packets = packets;
    this.patients = patients;
    this.signedIn = signedIn;
    this.practice = practice;
  }

  record ScheduleForm(
      String title,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime time,
      List<Long> attendees) {

    static ScheduleForm empty() {
      return new ScheduleForm("Spine case conference", null, LocalTime.of(7, 30), List.of());
    }

    Set<Long> attendeeSet() {
      return attendees == null ? Set.of() : new HashSet<>(attendees);
    }
  }

  record InviteForm(Long userId) {}

  record AttendanceForm(List<Long> present) {}

  /** A case as the conference page lists it; {@code patient} is null when it is not to be seen. */
  record CaseRow(ConferenceCase theCase, Patient patient, CaseOutcome outcome, String conference) {}

  /** A request from a consultation as the conference list shows it. */
  record AwaitingRow(AwaitingConference request, Patient patient) {}

  @GetMapping("/conferences")
  String list(Authentication auth, Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", ScheduleForm.empty());
    }
    UserAccount me = signedIn.me(auth);
    CaseConferences.Awaiting awaiting = conferences.awaiting(me.id());
    model.addAttribute(
        "awaiting",
        awaiting.requests().stream()
            .map(r -> new AwaitingRow(r, patients.open(r.patientId())))
            .toList());
    model.addAttribute("awaitingHidden", awaiting.hidden());
    model.addAttribute("people", signedIn.names());
    model.addAttribute("me", me);
    model.addAttribute("upcoming", conferences.upcoming());
    model.addAttribute("earlier", conferences.earlier(20));
    model.addAttribute("clinicians", conferences.clinicians());
    model.addAttribute("zone", practice.timeZone());
    model.addAttribute("activeNav", "conferences");
    return "conferences/list";
  }

  @PostMapping("/conferences")
  String schedule(
      ScheduleForm form, Authentication auth, Model model, HttpServletResponse response) {
    try {
      if (form.date() == null || form.time() == null) {
        throw new RuleViolation("missing-start", "Give the date and time the conference starts.");
      }
      CaseConference conference =
          conferences.schedule(
              new CaseConferences.Schedule(
                  form.title(), LocalDateTime.of(form.date(), form.time()), form.attendeeSet()),
              signedIn.me(auth).id());
      return "redirect:/conferences/" + conference.id();
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("error", e.getMessage());
      model.addAttribute("form", form);
      return list(auth, model);
    }
  }

  @GetMapping("/conferences/{id}")
  String conference(@PathVariable long id, Authentication auth, Model model) {
    UserAccount me = signedIn.me(auth);
    CaseConference conference = conferences.conference(id);
    Map<Long, String> titles = new LinkedHashMap<>();
    List<CaseRow> cases = new ArrayList<>();
    for (ConferenceCase c : conferences.casesOf(id)) {
      boolean visible = conferences.mayView(c, me.id());
      cases.add(new CaseRow(c, visible ? patients.open(c.patientId()) : null, null, null));
    }
    List<CaseRow> earlier = new ArrayList<>();
    for (ConferenceCase c : conferences.followThrough(conference)) {
      String title =
          titles.computeIfAbsent(
              c.conferenceId(),
              k -> {
                CaseConference of = conferences.conference(k);
                return of.title() + ", " + of.startsAt().atZone(practice.timeZone()).toLocalDate();
              });
      var outcome = packets.outcomeSince(c, me.id());
      earlier.add(
          new CaseRow(
              c,
              outcome.isPresent() ? patients.open(c.patientId()) : null,
              outcome.orElse(null),
              title));
    }
    model.addAttribute("conference", conference);
    model.addAttribute("me", me);
    model.addAttribute("attending", conference.attendedBy(me.id()));
    model.addAttribute("cases", cases);
    model.addAttribute("earlier", earlier);
    model.addAttribute("people", signedIn.byId());
    model.addAttribute("clinicians", conferences.clinicians());
    model.addAttribute("packets", packets);
    model.addAttribute("statuses", org.relief.conferences.ActionStatus.values());
    model.addAttribute("followThroughDays", settings.followThroughDays());
    model.addAttribute("zone", practice.timeZone());
    model.addAttribute("activeNav", "conferences");
    return "conferences/conference";
  }

  @PostMapping("/conferences/{id}/attendees")
  String invite(
      @PathVariable long id, InviteForm form, Authentication auth, RedirectAttributes redirect) {
    try {
      if (form.userId() == null) {
        throw new RuleViolation("missing-attendee", "Choose the clinician to invite.");
      }
      conferences.invite(id, form.userId(), signedIn.me(auth).id());
      redirect.addFlashAttribute("notice", "Invited.");
    } catch (RuleViolation e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/conferences/" + id;
  }

  @PostMapping("/conferences/{id}/attendance")
  String attendance(
      @PathVariable long id,
      AttendanceForm form,
      Authentication auth,
      RedirectAttributes redirect) {
    try {
      conferences.recordAttendance(
          id,
          form.present() == null ? Set.of() : new HashSet<>(form.present()),
          signedIn.me(auth).id());
      redirect.addFlashAttribute("notice", "Attendance recorded.");
    } catch (RuleViolation e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/conferences/" + id;
  }
}
