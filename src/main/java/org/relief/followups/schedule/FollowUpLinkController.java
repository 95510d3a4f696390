package org.relief.followups.schedule;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.relief.followups.RedFlag;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The patient's follow-up link: five yes/no safety questions, then the questionnaire. */
@Controller
class FollowUpLinkController {

  private final FollowUpLinks links;

  FollowUpLinkController(FollowUpLinks links) {
    this.links = links;
  }

  @GetMapping("/followup/{token}")
  String check(@PathVariable String token, Model model, HttpServletResponse response) {
    if (links.open(token).isEmpty()) {
      return unusable(response);
    }
    model.addAttribute("token", token);
    model.addAttribute("flags", RedFlag.values());
    model.addAttribute("answers", Map.of());
    return "followups/link/check";
  }

  @PostMapping("/followup/{token}")
  String answer(
      @PathVariable String token,
      @RequestParam Map<String, String> answers,
      Model model,
      HttpServletResponse response) {
    try {
      Optional<String> questionnaire = links.check(token, answers);
      if (questionnaire.isEmpty()) {
        return unusable(response);
      }
      return "redirect:" + questionnaire.get();
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("token", token);
      model.addAttribute("flags", RedFlag.values());
      model.addAttribute("answers", answers);
      model.addAttribute("error", e.getMessage());
      return "followups/link/check";
    }
  }

  private static String unusable(HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return "followups/link/unusable";
  }
}
