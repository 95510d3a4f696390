package org.relief.patients.bodymap;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class BodyMapController {

  private final BodyMaps maps;
  private final PatientRegistry registry;

  BodyMapController(BodyMaps maps, PatientRegistry registry) {
    this.maps = maps;
    this.registry = registry;
  }

  @GetMapping("/patients/{id}/body-map")
  String edit(@PathVariable long id, Model model) {
    Patient patient = registry.open(id);
    return saved(model, patient, null);
  }

  @PostMapping("/patients/{id}/body-map")
  String save(
      @PathVariable long id,
      @RequestParam(name = "region", required = false) List<String> regions,
      @RequestParam(name = "version", required = false) String version,
      Model model,
      HttpServletResponse response) {
    List<String> chosen = regions == null ? List.of() : regions;
    try {
      maps.save(id, version(version), chosen);
      return "redirect:/patients/" + id;
    } catch (BodyMapChangedMeanwhile e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return saved(model, registry.open(id), e.getMessage());
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      Set<String> known =
          chosen.stream()
              .filter(c -> BodyRegions.byCode(c).isPresent())
              .collect(Collectors.toSet());
      return page(model, registry.open(id), known, version, e.getMessage());
    }
  }

  private String saved(Model model, Patient patient, String error) {
    var map = maps.read(patient.id());
    return page(
        model,
        patient,
        map.map(BodyMap::codes).orElse(Set.of()),
        map.map(m -> Integer.toString(m.version())).orElse(null),
        error);
  }

  private String page(
      Model model, Patient patient, Set<String> chosen, String version, String error) {
    model.addAttribute("patient", patient);
    model.addAttribute("chosen", chosen);
    model.addAttribute("version", version);
    model.addAttribute("error", error);
    model.addAttribute("drawings", BodyRegions.drawings());
    model.addAttribute("groups", BodyRegions.groups());
    model.addAttribute("activeNav", "patients");
    return "patients/body-map";
  }

  private static Integer version(String version) {
    if (version == null || version.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(version.strip());
    } catch (NumberFormatException e) {
      throw new RuleViolation(
          "invalid-version", "The form is incomplete; open the body map again.");
    }
  }
}
