package org.relief.followups.schedule;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.relief.followups.Escalations;
import org.relief.followups.RedFlag;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The evening work-list page. Documenting a call is one form per follow-up: tick what the call
 * script found, press the outcome. With htmx the line is replaced in place; without, the page
 * reloads.
 */
@Controller
class WorkListController {

  private final WorkList workList;
  private final Escalations escalations;
  private final UserAccounts accounts;
  private final FollowUpSettings settings;

  WorkListController(
      WorkList workList,
      Escalations escalations,
      UserAccounts accounts,
      FollowUpSettings settings) {
    this.workList = workList;
    this.escalations = escalations;
    this.accounts = accounts;
    this.settings = settings;
  }

  @GetMapping("/followups")
  String list(Model model) {
    return page(model, null);
  }

  @PostMapping("/followups/{id}/calls")
  String call(
      @PathVariable long id,
      @RequestParam(value = "outcome", required = false) String outcome,
      @RequestParam(value = "flag", required = false) List<String> flags,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Model model,
      HttpServletResponse response) {
    try {
      CallOutcome result = CallOutcome.fromCode(outcome);
      workList.documentCall(id, result, RedFlag.of(flags == null ? List.of() : flags));
      if (htmx != null) {
        model.addAttribute("item", workList.item(id));
        model.addAttribute("documented", result);
        model.addAttribute("flags", RedFlag.values());
        return "followups/item :: item";
      }
      return "redirect:/followups";
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      if (htmx != null) {
        model.addAttribute("item", workList.item(id));
        model.addAttribute("itemError", e.getMessage());
        model.addAttribute("flags", RedFlag.values());
        return "followups/item :: item";
      }
      return page(model, e.getMessage());
    }
  }

  @PostMapping("/followups/escalations/{id}/close")
  String close(@PathVariable long id) {
    escalations.close(id, currentUser().map(UserAccount::id).orElse(-1L));
    return "redirect:/followups";
  }

  private String page(Model model, String error) {
    model.addAttribute("items", workList.load());
    model.addAttribute("flags", RedFlag.values());
    model.addAttribute("error", error);
    model.addAttribute("pgicFrom", settings.severeWorseningPgicFrom());
    Optional<UserAccount> me = currentUser();
    model.addAttribute(
        "escalations",
        me.filter(u -> u.has(Role.PAIN_PHYSICIAN))
            .map(u -> escalations.openFor(u.id()))
            .orElse(List.of()));
    model.addAttribute("activeNav", "followups");
    return "followups/worklist";
  }

  private Optional<UserAccount> currentUser() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null ? Optional.empty() : accounts.findByUsername(auth.getName());
  }
}
