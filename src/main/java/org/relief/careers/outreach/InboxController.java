package org.relief.careers.outreach;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.relief.careers.specialists.FormValues;
import org.relief.identity.UserAccounts;
import org.relief.platform.NotFound;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The specialist's inbox of recruiters' messages: each with why they were matched, an answer
 * (interested or not) and a way to block the organisation. An htmx answer gets the message's card
 * back, with any refusal inside it (htmx swaps only 2xx answers); without JavaScript the form posts
 * and the inbox reloads.
 */
@Controller
class InboxController {

  private final Outreach outreach;
  private final UserAccounts accounts;

  InboxController(Outreach outreach, UserAccounts accounts) {
    this.outreach = outreach;
    this.accounts = accounts;
  }

  @GetMapping("/careers/inbox")
  String inbox(Principal principal, Model model) {
    return page(model, me(principal), null);
  }

  @PostMapping("/careers/inbox/{id}/answer")
  String answer(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String answer,
      @RequestParam(defaultValue = "") String note,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    long me = me(principal);
    String error = null;
    try {
      outreach.answer(me, id, FormValues.choice(Answer.class, answer, "answer"), note);
    } catch (RuleViolation e) {
      if (htmx == null) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      }
      error = e.getMessage();
    }
    if (htmx != null) {
      InboxMessage m =
          outreach.inbox(me).stream()
              .filter(x -> x.id() == id)
              .findFirst()
              .orElseThrow(() -> new NotFound("There is no message " + id + " in your inbox."));
      model.addAttribute("m", m);
      model.addAttribute("cardError", error);
      model.addAttribute("zone", outreach.zone());
      return "careers/outreach/message :: card";
    }
    return error == null ? "redirect:/careers/inbox#message-" + id : page(model, me, error);
  }

  @PostMapping("/careers/inbox/blocks")
  String block(@RequestParam long employerId, Principal principal) {
    outreach.block(me(principal), employerId);
    return "redirect:/careers/inbox";
  }

  @PostMapping("/careers/inbox/blocks/{employerId}/remove")
  String unblock(@PathVariable long employerId, Principal principal) {
    outreach.unblock(me(principal), employerId);
    return "redirect:/careers/inbox";
  }

  private String page(Model model, long me, String error) {
    model.addAttribute("messages", outreach.inbox(me));
    model.addAttribute("blocks", outreach.blocks(me));
    model.addAttribute("error", error);
    model.addAttribute("activeNav", "careers");
    model.addAttribute("zone", outreach.zone());
    return "careers/outreach/inbox";
  }

  private long me(Principal principal) {
    return accounts
        .findByUsername(principal.getName())
        .orElseThrow(() -> new NotFound("There is no such account."))
        .id();
  }
}
