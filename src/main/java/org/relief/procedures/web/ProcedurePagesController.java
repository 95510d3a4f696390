package org.relief.procedures.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.relief.patients.CurrentMedication;
import org.relief.patients.PatientMedications;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.relief.procedures.AnticoagulationPlanner;
import org.relief.procedures.MedicationTaken;
import org.relief.procedures.ProcedureCatalogue;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The procedure catalogue and the anticoagulation planner as pages for clinicians. */
@Controller
class ProcedurePagesController {

  private final ProcedureCatalogue catalogue;
  private final AnticoagulationPlanner planner;
  private final PatientMedications medications;
  private final Clock clock;
  private final PracticeSettings practice;

  ProcedurePagesController(
      ProcedureCatalogue catalogue,
      AnticoagulationPlanner planner,
      PatientMedications medications,
      Clock clock,
      PracticeSettings practice) {
    this.catalogue = catalogue;
    this.planner = planner;
    this.medications = medications;
    this.clock = clock;
    this.practice = practice;
  }

  @GetMapping("/procedures")
  String catalogue(Model model) {
    model.addAttribute("procedures", catalogue.all());
    model.addAttribute("activeNav", "procedures");
    return "procedures/catalogue";
  }

  /**
   * The planner. A plain GET form: planning stores nothing. With {@code patient} and no medications
   * typed, the patient's current anticoagulants, antiplatelets and NSAIDs are filled in (an audited
   * read of their medication list).
   */
  @GetMapping("/procedures/anticoagulation")
  String plan(
      @RequestParam(value = "procedure", required = false) String procedure,
      @RequestParam(value = "date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate date,
      @RequestParam(value = "highBleedingRisk", required = false) boolean highBleedingRisk,
      @RequestParam(value = "medications", required = false) String typed,
      @RequestParam(value = "patient", required = false) Long patient,
      Model model,
      HttpServletResponse response) {
    String drugs = typed;
    if ((drugs == null || drugs.isBlank()) && patient != null) {
      drugs =
          medications.current(patient).bleedingRisk().stream()
              .map(CurrentMedication::drug)
              .collect(Collectors.joining("\n"));
    }
    LocalDate day = date != null ? date : practice.today(clock);
    model.addAttribute("procedures", catalogue.all());
    model.addAttribute("procedure", procedure);
    model.addAttribute("date", day);
    model.addAttribute("highBleedingRisk", highBleedingRisk);
    model.addAttribute("medications", drugs == null ? "" : drugs);
    model.addAttribute("patient", patient);
    model.addAttribute("activeNav", "procedures");
    if (procedure != null && !procedure.isBlank()) {
      try {
        model.addAttribute("plan", planner.plan(procedure, day, highBleedingRisk, parse(drugs)));
      } catch (RuleViolation e) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("error", e.getMessage());
      }
    }
    return "procedures/anticoagulation";
  }

  /** One drug per line: its generic name, optionally followed by its regimen. */
  private static List<MedicationTaken> parse(String text) {
    List<MedicationTaken> taken = new ArrayList<>();
    if (text == null) {
      return taken;
    }
    for (String line : text.split("\\R")) {
      String[] words = line.strip().split("\\s+", 2);
      if (!words[0].isEmpty()) {
        taken.add(new MedicationTaken(words[0], words.length > 1 ? words[1].strip() : null));
      }
    }
    return taken;
  }
}
