package org.relief.patients.history;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class PainHistoryController {

  private static final Map<Integer, String> MONTHS =
      Arrays.stream(Month.values())
          .collect(
              Collectors.toMap(
                  Month::getValue,
                  m -> m.getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                  (a, b) -> a,
                  java.util.TreeMap::new));

  private final PainHistories histories;
  private final PatientRegistry registry;

  PainHistoryController(PainHistories histories, PatientRegistry registry) {
    this.histories = histories;
    this.registry = registry;
  }

  @GetMapping("/patients/{id}/pain-history")
  String edit(@PathVariable long id, Model model) {
    Patient patient = registry.open(id);
    return form(model, patient, saved(id), null);
  }

  @PostMapping("/patients/{id}/pain-history")
  String save(
      @PathVariable long id,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      HttpServletResponse response) {
    PainHistoryForm form = PainHistoryForm.from(params);
    if (params.containsKey("moreRows")) {
      return form(
          model, registry.open(id), form.withBlankRows(PainHistoryForm.BLANK_ROWS + 2), null);
    }
    try {
      histories.save(id, form.expectedVersion(), form.details());
      return "redirect:/patients/" + id;
    } catch (PainHistoryChangedMeanwhile e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return form(model, registry.open(id), saved(id), e.getMessage());
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return form(
          model, registry.open(id), form.withBlankRows(PainHistoryForm.BLANK_ROWS), e.getMessage());
    }
  }

  private PainHistoryForm saved(long id) {
    return histories
        .read(id)
        .map(PainHistoryForm::of)
        .orElseGet(PainHistoryForm::empty)
        .withBlankRows(PainHistoryForm.BLANK_ROWS);
  }

  private String form(Model model, Patient patient, PainHistoryForm form, String error) {
    model.addAttribute("patient", patient);
    model.addAttribute("form", form);
    model.addAttribute("error", error);
    model.addAttribute("months", MONTHS);
    model.addAttribute("mechanisms", OnsetMechanism.values());
    model.addAttribute("characters", PainCharacter.values());
    model.addAttribute("aggravatingFactors", AggravatingFactor.values());
    model.addAttribute("relievingFactors", RelievingFactor.values());
    model.addAttribute("treatmentTypes", TreatmentType.values());
    model.addAttribute("effects", TreatmentEffect.values());
    model.addAttribute("activeNav", "patients");
    return "patients/pain-history";
  }
}
