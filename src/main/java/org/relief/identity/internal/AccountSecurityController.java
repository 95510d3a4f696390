package org.relief.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Each person's own sign-in security: setting up and turning off two-step sign-in. The secret
 * offered during setup waits in the session sealed, never in clear.
 */
@Controller
class AccountSecurityController {

  private static final String OFFER = "relief.secondFactorOffer";

  private final SecondFactors secondFactors;
  private final UserRepository users;
  private final SecretBox box;

  AccountSecurityController(SecondFactors secondFactors, UserRepository users, SecretBox box) {
    this.secondFactors = secondFactors;
    this.users = users;
    this.box = box;
  }

  @GetMapping("/account/security")
  String page(Authentication me, HttpSession session, Model model) {
    long id = idOf(me);
    model.addAttribute(
        "required", Boolean.TRUE.equals(session.getAttribute(TwoStepRequired.ATTRIBUTE)));
    model.addAttribute("enabled", secondFactors.enabledFor(id));
    model.addAttribute("available", secondFactors.available());
    return "identity/account-security";
  }

  @PostMapping("/account/security/setup")
  String setup(Authentication me, HttpSession session, Model model, HttpServletResponse response) {
    try {
      var offer = secondFactors.offer(me.getName());
      session.setAttribute(OFFER, box.seal(offer.secret()));
      model.addAttribute("offer", offer);
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("error", e.getMessage());
    }
    model.addAttribute("enabled", false);
    model.addAttribute("available", secondFactors.available());
    return "identity/account-security";
  }

  @PostMapping("/account/security/confirm")
  String confirm(
      @RequestParam(value = "code", required = false) String code,
      Authentication me,
      HttpSession session,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    if (!(session.getAttribute(OFFER) instanceof String sealed)) {
      redirect.addFlashAttribute("error", "Setup had expired; please start again.");
      return "redirect:/account/security";
    }
    byte[] secret = box.open(sealed);
    try {
      secondFactors.confirm(idOf(me), secret, code);
      session.removeAttribute(OFFER);
      session.removeAttribute(TwoStepRequired.ATTRIBUTE);
      redirect.addFlashAttribute(
          "notice", "Two-step sign-in is on. From now on you will be asked for a code.");
      return "redirect:/account/security";
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("error", e.getMessage());
      model.addAttribute("offer", secondFactors.reoffer(me.getName(), secret));
      model.addAttribute("enabled", false);
      model.addAttribute("available", true);
      return "identity/account-security";
    }
  }

  @PostMapping("/account/security/disable")
  String disable(
      @RequestParam(value = "code", required = false) String code,
      Authentication me,
      RedirectAttributes redirect) {
    long id = idOf(me);
    if (!secondFactors.verify(id, code)) {
      redirect.addFlashAttribute("error", "That code is not right; two-step sign-in stays on.");
      return "redirect:/account/security";
    }
    secondFactors.disable(id);
    redirect.addFlashAttribute("notice", "Two-step sign-in is off.");
    return "redirect:/account/security";
  }

  private long idOf(Authentication me) {
    return users
        .credentials(me.getName())
        .orElseThrow(() -> new IllegalStateException("signed-in account not found"))
        .id();
  }
}
