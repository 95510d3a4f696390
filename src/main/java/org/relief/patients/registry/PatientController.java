package org.relief.patients.registry;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.relief.patients.Patient;
import org.relief.patients.PatientChangedMeanwhile;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.ChartSection;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.springframework.beans.factory.ObjectProvider;
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
class PatientController {

  private final PatientRegistry registry;
  private final Clock clock;
  private final PracticeSettings practice;
  private final List<ChartSection> sections;

  PatientController(
      PatientRegistry registry,
      Clock clock,
      PracticeSettings practice,
      ObjectProvider<ChartSection> sections) {
    this.registry = registry;
    this.clock = clock;
    this.practice = practice;
    this.sections =
        sections.orderedStream().sorted(Comparator.comparingInt(ChartSection::order)).toList();
  }

  /** The registration and edit form. */
  record PatientForm(
      String mrn,
      String familyName,
      String givenName,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
      Sex sex,
      String phone,
      String email,
      String preferredLanguage,
      Integer version) {

    static PatientForm empty() {
      return new PatientForm("", "", "", null, null, "", "", "en", null);
    }

    static PatientForm of(Patient p) {
      return new PatientForm(
          p.mrn(),
          p.familyName(),
          p.givenName(),
          p.birthDate(),
          p.sex(),
          p.phone(),
          p.email(),
          p.preferredLanguage(),
          p.version());
    }

    PatientDetails details() {
      return new PatientDetails(
          mrn, familyName, givenName, birthDate, sex, phone, email, preferredLanguage);
    }
  }

  @GetMapping("/patients")
  String search(
      @RequestParam(value = "q", required = false) String q,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Model model) {
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("results", registry.search(q));
    model.addAttribute("limit", PatientRegistry.SEARCH_LIMIT);
    model.addAttribute("today", today());
    model.addAttribute("activeNav", "patients");
    return htmx != null ? "patients/search :: results" : "patients/search";
  }

  @GetMapping("/patients/new")
  String newPatient(Model model) {
    return form(model, PatientForm.empty(), null);
  }

  @PostMapping("/patients")
  String register(
      PatientForm form, BindingResult binding, Model model, HttpServletResponse response) {
    if (binding.hasErrors()) {
      return refused(model, form, response, bindingMessage(binding));
    }
    try {
      Patient patient = registry.register(form.details());
      return "redirect:/patients/" + patient.id();
    } catch (RuleViolation e) {
      return refused(model, form, response, e.getMessage());
    }
  }

  @GetMapping("/patients/{id}")
  String chart(@PathVariable long id, Model model) {
    Patient patient = registry.open(id);
    model.addAttribute("patient", patient);
    model.addAttribute("age", patient.ageOn(today()));
    model.addAttribute("sections", sections.stream().flatMap(s -> s.render(id).stream()).toList());
    model.addAttribute("activeNav", "patients");
    return "patients/chart";
  }

  @GetMapping("/patients/{id}/edit")
  String edit(@PathVariable long id, Model model) {
    Patient patient = registry.open(id);
    model.addAttribute("patientId", id);
    return form(model, PatientForm.of(patient), null);
  }

  @PostMapping("/patients/{id}")
  String update(
      @PathVariable long id,
      PatientForm form,
      BindingResult binding,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("patientId", id);
    if (binding.hasErrors()) {
      return refused(model, form, response, bindingMessage(binding));
    }
    if (form.version() == null) {
      return refused(model, form, response, "The form is incomplete; open the patient again.");
    }
    try {
      registry.update(id, form.version(), form.details());
      return "redirect:/patients/" + id;
    } catch (PatientChangedMeanwhile e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return form(model, PatientForm.of(registry.open(id)), e.getMessage());
    } catch (RuleViolation e) {
      return refused(model, form, response, e.getMessage());
    }
  }

  private String refused(
      Model model, PatientForm form, HttpServletResponse response, String message) {
    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    return form(model, form, message);
  }

  private String form(Model model, PatientForm form, String error) {
    model.addAttribute("form", form);
    model.addAttribute("sexes", Sex.values());
    model.addAttribute("error", error);
    model.addAttribute("today", today());
    model.addAttribute("activeNav", "patients");
    return "patients/form";
  }

  private static String bindingMessage(BindingResult binding) {
    var field = binding.getFieldError();
    if (field != null && field.getField().equals("birthDate")) {
      return "The date of birth must be a date such as 1961-04-23.";
    }
    if (field != null && field.getField().equals("sex")) {
      return "Choose the patient's administrative sex from the list.";
    }
    return "Some of the details could not be read; please check the form.";
  }

  private LocalDate today() {
    return practice.today(clock);
  }
}
