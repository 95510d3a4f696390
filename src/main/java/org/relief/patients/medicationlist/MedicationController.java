package org.relief.patients.medicationlist;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.relief.patients.MmeSettings;
import org.relief.patients.PatientNotFound;
import org.relief.patients.PatientRegistry;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class MedicationController {

  private final MedicationList medications;
  private final PatientRegistry patients;
  private final Clock clock;
  private final PracticeSettings practice;

  MedicationController(
      MedicationList medications,
      PatientRegistry patients,
      Clock clock,
      PracticeSettings practice) {
    this.medications = medications;
    this.patients = patients;
    this.clock = clock;
    this.practice = practice;
  }

  /** The add form exactly as typed, so that a refused form comes back as it was. */
  record MedicationForm(
      String drug,
      String dose,
      String unit,
      String frequency,
      String count,
      String startDate,
      String stopDate) {

    static MedicationForm empty(LocalDate today) {
      return new MedicationForm("", "", "mg", "TIMES_PER_DAY", "", today.toString(), "");
    }

    NewMedication read() {
      return new NewMedication(
          drug,
          number(dose, "The dose must be a number such as 7.5."),
          blank(unit)
              ? null
              : MedicationUnit.of(unit)
                  .orElseThrow(
                      () -> new RuleViolation("unit-unknown", "Choose a unit from the list.")),
          parsedFrequency(),
          blank(count) ? null : whole(count),
          date(startDate, "start"),
          date(stopDate, "stop"));
    }

    private Frequency parsedFrequency() {
      if (blank(frequency)) {
        return null;
      }
      try {
        return Frequency.valueOf(frequency);
      } catch (IllegalArgumentException e) {
        throw new RuleViolation("frequency-unknown", "Choose how often from the list.");
      }
    }

    private static BigDecimal number(String s, String message) {
      if (blank(s)) {
        return null;
      }
      try {
        return new BigDecimal(s.strip().replace(',', '.'));
      } catch (NumberFormatException e) {
        throw new RuleViolation("dose-not-a-number", message);
      }
    }

    private static Integer whole(String s) {
      try {
        return Integer.valueOf(s.strip());
      } catch (NumberFormatException e) {
        throw new RuleViolation(
            "count-not-a-number", "How often must be a whole number such as 3, not '" + s + "'.");
      }
    }

    private static LocalDate date(String s, String which) {
      if (blank(s)) {
        return null;
      }
      try {
        return LocalDate.parse(s.strip());
      } catch (DateTimeParseException e) {
        throw new RuleViolation(
            which + "-date-invalid", "The " + which + " date must be a date such as 2026-03-15.");
      }
    }

    private static boolean blank(String s) {
      return s == null || s.isBlank();
    }
  }

  @GetMapping("/patients/{id}/medications")
  String page(@PathVariable long id, Model model) {
    return page(model, id, MedicationForm.empty(today()), null);
  }

  @PostMapping("/patients/{id}/medications")
  String add(
      @PathVariable long id, MedicationForm form, Model model, HttpServletResponse response) {
    try {
      medications.add(id, form.read());
      return "redirect:/patients/" + id + "/medications";
    } catch (RuleViolation e) {
      return refused(model, id, form, response, e.getMessage());
    }
  }

  @PostMapping("/patients/{id}/medications/{medicationId}/stop")
  String stop(
      @PathVariable long id,
      @PathVariable long medicationId,
      @RequestParam(value = "stopDate", required = false) String stopDate,
      Model model,
      HttpServletResponse response) {
    try {
      LocalDate date =
          stopDate == null || stopDate.isBlank() ? today() : MedicationForm.date(stopDate, "stop");
      medications.stop(id, medicationId, date);
      return "redirect:/patients/" + id + "/medications";
    } catch (RuleViolation e) {
      return refused(model, id, MedicationForm.empty(today()), response, e.getMessage());
    }
  }

  private String refused(
      Model model, long id, MedicationForm form, HttpServletResponse response, String message) {
    if (!patients.exists(id)) {
      throw new PatientNotFound(id);
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    return page(model, id, form, message);
  }

  private String page(Model model, long id, MedicationForm form, String error) {
    model.addAttribute("patient", patients.open(id));
    model.addAttribute("patientId", id);
    model.addAttribute("overview", medications.overview(id));
    model.addAttribute("form", form);
    model.addAttribute("error", error);
    model.addAttribute("units", MedicationUnit.values());
    model.addAttribute("frequencies", Frequency.values());
    model.addAttribute("legacySetting", MmeSettings.LEGACY_THRESHOLD);
    model.addAttribute("today", today());
    model.addAttribute("activeNav", "patients");
    return "patients/medications";
  }

  private LocalDate today() {
    return practice.today(clock);
  }
}
