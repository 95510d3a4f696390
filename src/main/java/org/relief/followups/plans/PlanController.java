package org.relief.followups.plans;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The follow-up plans: a list, each plan's versions, and a form that adds a version. */
@Controller
class PlanController {

  private final FollowUpPlans plans;
  private final Clock clock;
  private final PracticeSettings practice;

  PlanController(FollowUpPlans plans, Clock clock, PracticeSettings practice) {
    this.plans = plans;
    this.clock = clock;
    this.practice = practice;
  }

  @GetMapping("/followups/plans")
  String list(Model model) {
    model.addAttribute(
        "plans", plans.names().stream().map(name -> plans.versions(name).get(0)).toList());
    model.addAttribute("activeNav", "followups");
    return "followups/plans";
  }

  @GetMapping("/followups/plans/{name}")
  String plan(@PathVariable String name, Model model) {
    return page(model, name, null, null, null);
  }

  @PostMapping("/followups/plans/{name}")
  String addVersion(
      @PathVariable String name,
      @RequestParam(value = "effectiveFrom", required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate effectiveFrom,
      @RequestParam(value = "points", required = false) String points,
      Model model,
      HttpServletResponse response) {
    try {
      plans.addVersion(name, effectiveFrom, points);
      return "redirect:/followups/plans/" + name;
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, name, effectiveFrom, points, e.getMessage());
    }
  }

  private static boolean canEdit() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null
        && auth.getAuthorities().stream()
            .anyMatch(
                a ->
                    a.getAuthority().equals(Role.PAIN_PHYSICIAN.authority())
                        || a.getAuthority().equals(Role.PRACTICE_ADMIN.authority()));
  }

  private String page(
      Model model, String name, LocalDate effectiveFrom, String points, String error) {
    var versions = plans.versions(name);
    LocalDate today = practice.today(clock);
    model.addAttribute("name", name);
    model.addAttribute("versions", versions);
    model.addAttribute("today", today);
    model.addAttribute("inForce", plans.inForce(name, today).map(FollowUpPlan::id).orElse(null));
    model.addAttribute("effectiveFrom", effectiveFrom != null ? effectiveFrom : today.plusDays(1));
    model.addAttribute("points", points != null ? points : versions.get(0).text());
    model.addAttribute("error", error);
    model.addAttribute("canEdit", canEdit());
    model.addAttribute("activeNav", "followups");
    return "followups/plan";
  }
}
