package org.relief.identity.web;

import org.relief.identity.CareTeams;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.platform.RuleViolation;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A patient's care team: who is on it, and (for physicians and practice administrators) adding and
 * removing clinicians. The chart shows the same team through {@link CareTeamChartSection}.
 */
@Controller
class CareTeamController {

  private final CareTeams teams;
  private final UserAccounts accounts;

  CareTeamController(CareTeams teams, UserAccounts accounts) {
    this.teams = teams;
    this.accounts = accounts;
  }

  record MemberForm(Long userId, String back) {}

  record BackForm(String back) {}

  @GetMapping("/care-teams/{patientId}")
  String team(@PathVariable long patientId, Authentication me, Model model) {
    model.addAttribute("patientId", patientId);
    model.addAttribute("members", teams.members(patientId));
    model.addAttribute("candidates", teams.candidates());
    model.addAttribute("mayManage", teams.mayManage(me(me).id()));
    return "identity/care-team";
  }

  @PostMapping("/care-teams/{patientId}/members")
  String add(
      @PathVariable long patientId,
      MemberForm form,
      Authentication me,
      RedirectAttributes redirect) {
    try {
      if (form.userId() == null) {
        throw new RuleViolation("missing-member", "Choose the clinician to add.");
      }
      teams.add(patientId, form.userId(), me(me).id());
      redirect.addFlashAttribute("careTeamNotice", "Added to the care team.");
    } catch (RuleViolation e) {
      redirect.addFlashAttribute("careTeamError", e.getMessage());
    }
    return back(patientId, form.back());
  }

  @PostMapping("/care-teams/{patientId}/members/{userId}/remove")
  String remove(
      @PathVariable long patientId,
      @PathVariable long userId,
      BackForm form,
      Authentication me,
      RedirectAttributes redirect) {
    try {
      teams.remove(patientId, userId, me(me).id());
      redirect.addFlashAttribute("careTeamNotice", "Removed from the care team.");
    } catch (RuleViolation e) {
      redirect.addFlashAttribute("careTeamError", e.getMessage());
    }
    return back(patientId, form.back());
  }

  private UserAccount me(Authentication auth) {
    return accounts
        .findByUsername(auth.getName())
        .orElseThrow(() -> new RuleViolation("unknown-user", "Sign in again."));
  }

  /** Only the two known places, never a URL from the request. */
  private static String back(long patientId, String back) {
    return "chart".equals(back)
        ? "redirect:/patients/" + patientId + "#care-team"
        : "redirect:/care-teams/" + patientId;
  }
}
