package org.relief.careers.outreach;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.relief.identity.UserAccounts;
import org.relief.platform.NotFound;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A recruiter's outreach: the specialists they may contact about one of their postings (a page at a
 * time), writing to one of them, and the messages their organisation has sent with the answers.
 */
@Controller
class OutreachController {

  private final Outreach outreach;
  private final UserAccounts accounts;

  OutreachController(Outreach outreach, UserAccounts accounts) {
    this.outreach = outreach;
    this.accounts = accounts;
  }

  @GetMapping("/careers/outreach")
  String sent(Principal principal, Model model) {
    model.addAttribute("messages", outreach.sent(me(principal)));
    model.addAttribute("activeNav", "careers");
    model.addAttribute("zone", outreach.zone());
    return "careers/outreach/sent";
  }

  @GetMapping("/careers/outreach/jobs/{jobId}")
  String list(
      @PathVariable long jobId,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(required = false) Long sent,
      Principal principal,
      Model model) {
    model.addAttribute("list", outreach.contactable(me(principal), jobId, page));
    model.addAttribute("sentTo", sent);
    model.addAttribute("activeNav", "careers");
    model.addAttribute("zone", outreach.zone());
    return "careers/outreach/list";
  }

  @GetMapping("/careers/outreach/jobs/{jobId}/specialists/{userId}")
  String compose(
      @PathVariable long jobId, @PathVariable long userId, Principal principal, Model model) {
    return page(model, me(principal), jobId, userId, "", null);
  }

  @PostMapping("/careers/outreach/jobs/{jobId}/specialists/{userId}")
  String send(
      @PathVariable long jobId,
      @PathVariable long userId,
      @RequestParam(defaultValue = "") String body,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    long me = me(principal);
    try {
      outreach.send(me, jobId, userId, body);
      return "redirect:/careers/outreach/jobs/" + jobId + "?sent=" + userId;
    } catch (DailyLimitReached e) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      return page(model, me, jobId, userId, body, e.getMessage());
    } catch (RuleViolation e) {
      if ("not-contactable".equals(e.code()) || "posting-not-open".equals(e.code())) {
        throw e;
      }
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, me, jobId, userId, body, e.getMessage());
    }
  }

  private String page(Model model, long me, long jobId, long userId, String body, String error) {
    model.addAttribute("job", outreach.posting(me, jobId));
    model.addAttribute("c", outreach.candidate(me, jobId, userId));
    model.addAttribute("body", body);
    model.addAttribute("error", error);
    model.addAttribute("maxBody", OutreachSettings.MAX_BODY);
    model.addAttribute("activeNav", "careers");
    model.addAttribute("zone", outreach.zone());
    return "careers/outreach/compose";
  }

  private long me(Principal principal) {
    return accounts
        .findByUsername(principal.getName())
        .orElseThrow(() -> new NotFound("There is no such account."))
        .id();
  }
}
