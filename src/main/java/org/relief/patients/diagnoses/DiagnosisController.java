package org.relief.patients.diagnoses;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.relief.patients.PatientNotFound;
import org.relief.patients.PatientRegistry;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class DiagnosisController {

  private final PatientDiagnoses diagnoses;
  private final DiagnosisCatalogue catalogue;
  private final PatientRegistry patients;
  private final Clock clock;
  private final PracticeSettings practice;

  DiagnosisController(
      PatientDiagnoses diagnoses,
      DiagnosisCatalogue catalogue,
      PatientRegistry patients,
      Clock clock,
      PracticeSettings practice) {
    this.diagnoses = diagnoses;
    this.catalogue = catalogue;
    this.patients = patients;
    this.clock = clock;
    this.practice = practice;
  }

  /** A new diagnosis as typed. */
  record DiagnosisForm(
      String code,
      DiagnosisRank rank,
      DiagnosisStatus status,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate onsetDate) {

    static DiagnosisForm empty() {
      return new DiagnosisForm(null, DiagnosisRank.SECONDARY, DiagnosisStatus.ACTIVE, null);
    }
  }

  /** The list and the add form; an htmx type-ahead gets only the matching codes. */
  @GetMapping("/patients/{id}/diagnoses")
  String page(
      @PathVariable long id,
      @RequestParam(value = "q", required = false) String q,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Model model) {
    if (htmx != null) {
      if (!patients.exists(id)) {
        throw new PatientNotFound(id);
      }
      model.addAttribute("patientId", id);
      codes(model, q, DiagnosisForm.empty());
      return "patients/diagnoses :: codes";
    }
    return page(model, id, q, DiagnosisForm.empty(), null);
  }

  @PostMapping("/patients/{id}/diagnoses")
  String add(
      @PathVariable long id,
      DiagnosisForm form,
      BindingResult binding,
      Model model,
      HttpServletResponse response) {
    if (binding.hasErrors()) {
      return refused(model, id, form, response, bindingMessage(binding));
    }
    try {
      diagnoses.add(id, form.code(), form.rank(), form.status(), form.onsetDate());
      return "redirect:/patients/" + id + "/diagnoses";
    } catch (RuleViolation e) {
      return refused(model, id, form, response, e.getMessage());
    }
  }

  @PostMapping("/patients/{id}/diagnoses/{diagnosisId}")
  String change(
      @PathVariable long id,
      @PathVariable long diagnosisId,
      @RequestParam(value = "rank", required = false) DiagnosisRank rank,
      @RequestParam(value = "status", required = false) DiagnosisStatus status,
      Model model,
      HttpServletResponse response) {
    try {
      diagnoses.change(id, diagnosisId, rank, status);
      return "redirect:/patients/" + id + "/diagnoses";
    } catch (RuleViolation e) {
      return refused(model, id, DiagnosisForm.empty(), response, e.getMessage());
    }
  }

  private String refused(
      Model model, long id, DiagnosisForm form, HttpServletResponse response, String message) {
    if (!patients.exists(id)) {
      throw new PatientNotFound(id);
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    return page(model, id, null, form, message);
  }

  private String page(Model model, long id, String q, DiagnosisForm form, String error) {
    model.addAttribute("patient", patients.open(id));
    model.addAttribute("patientId", id);
    model.addAttribute("diagnoses", diagnoses.of(id));
    model.addAttribute("form", form);
    model.addAttribute("error", error);
    model.addAttribute("ranks", DiagnosisRank.values());
    model.addAttribute("statuses", DiagnosisStatus.values());
    model.addAttribute("today", practice.today(clock));
    model.addAttribute("activeNav", "patients");
    codes(model, q, form);
    return "patients/diagnoses";
  }

  private void codes(Model model, String q, DiagnosisForm form) {
    List<DiagnosisCode> results = catalogue.search(q);
    if (form.code() != null) {
      var chosen = catalogue.find(form.code());
      if (chosen.isPresent() && !results.contains(chosen.get())) {
        results = java.util.stream.Stream.concat(chosen.stream(), results.stream()).toList();
      }
    }
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("codes", results);
    model.addAttribute("chosen", catalogue.find(form.code()).map(DiagnosisCode::code).orElse(""));
    model.addAttribute("limit", DiagnosisCatalogue.SEARCH_LIMIT);
  }

  private static String bindingMessage(BindingResult binding) {
    var field = binding.getFieldError();
    if (field != null && field.getField().equals("onsetDate")) {
      return "The onset date must be a date such as 2024-03-15.";
    }
    return "Choose the rank and status from the lists.";
  }
}
