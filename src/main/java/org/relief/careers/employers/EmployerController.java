package org.relief.careers.employers;

import jakarta.servlet.http.HttpServletResponse;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A practice administrator's page for employer organisations and their recruiters. */
@Controller
class EmployerController {

  private final Employers employers;

  EmployerController(Employers employers) {
    this.employers = employers;
  }

  @GetMapping("/careers/employers")
  String list(Model model) {
    return page(model, null);
  }

  @PostMapping("/careers/employers")
  String create(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String type,
      Model model,
      HttpServletResponse response) {
    try {
      employers.create(name, type(type), false);
      return "redirect:/careers/employers";
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, e.getMessage());
    }
  }

  @PostMapping("/careers/employers/{id}/recruiters")
  String addRecruiter(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String username,
      Model model,
      HttpServletResponse response) {
    try {
      employers.addRecruiter(id, username);
      return "redirect:/careers/employers";
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, e.getMessage());
    }
  }

  private String page(Model model, String error) {
    model.addAttribute("employers", employers.all());
    model.addAttribute("types", EmployerType.values());
    model.addAttribute("error", error);
    model.addAttribute("activeNav", "careers");
    return "careers/employers";
  }

  private static EmployerType type(String value) {
    try {
      return value.isBlank() ? null : EmployerType.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new RuleViolation("invalid-type", "Choose the kind of organisation from the list.");
    }
  }
}
