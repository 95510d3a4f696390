package org.relief.assessments.questionnaires;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.relief.assessments.questionnaires.QuestionnaireLinks.SentLink;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Staff choose instruments for a patient and get a link to send. The link is shown once, in the
 * answer to the form: only its digest is kept, so it cannot be shown again.
 */
@Controller
class QuestionnaireController {

  private final QuestionnaireLinks links;
  private final PatientRegistry patients;
  private final QuestionnaireSettings settings;
  private final PracticeSettings practice;

  QuestionnaireController(
      QuestionnaireLinks links,
      PatientRegistry patients,
      QuestionnaireSettings settings,
      PracticeSettings practice) {
    this.links = links;
    this.patients = patients;
    this.settings = settings;
    this.practice = practice;
  }

  @GetMapping("/questionnaires/new")
  String choose(@RequestParam("patient") long patientId, Model model) {
    return form(model, patients.open(patientId), List.of("nrs", "phq9"), null);
  }

  @PostMapping("/questionnaires")
  String send(
      @RequestParam("patient") long patientId,
      @RequestParam(value = "instruments", required = false) List<String> instruments,
      Model model,
      HttpServletResponse response) {
    Patient patient = patients.open(patientId);
    SentLink sent;
    try {
      sent = links.send(patientId, instruments);
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return form(model, patient, instruments == null ? List.of() : instruments, e.getMessage());
    }
    String base =
        settings.publicBaseUrl() != null
            ? settings.publicBaseUrl()
            : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    model.addAttribute("patient", patient);
    model.addAttribute("url", base + "/q/" + sent.token());
    model.addAttribute(
        "expires", sent.expiresAt().atZone(practice.timeZone()).toLocalDate().toString());
    model.addAttribute("activeNav", "patients");
    return "assessments/sent";
  }

  private String form(Model model, Patient patient, List<String> chosen, String error) {
    model.addAttribute("patient", patient);
    model.addAttribute("instruments", links.sendable());
    model.addAttribute("chosen", chosen);
    model.addAttribute("error", error);
    model.addAttribute("lifetimeDays", settings.linkLifetime().toDays());
    model.addAttribute("activeNav", "patients");
    return "assessments/send";
  }
}
