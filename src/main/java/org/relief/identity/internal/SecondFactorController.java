package org.relief.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The second step of signing in: the code from the person's authenticator app. */
@Controller
class SecondFactorController {

  private final SecondFactors secondFactors;
  private final SignInEvents signIns;
  private final UserDetailsService accounts;
  private final Clock clock;
  private final HttpSessionSecurityContextRepository contexts =
      new HttpSessionSecurityContextRepository();

  SecondFactorController(
      SecondFactors secondFactors, SignInEvents signIns, UserDetailsService accounts, Clock clock) {
    this.secondFactors = secondFactors;
    this.signIns = signIns;
    this.accounts = accounts;
    this.clock = clock;
  }

  @GetMapping("/login/code")
  String askForCode(HttpServletRequest request) {
    return pending(request) == null ? "redirect:/login" : "identity/code";
  }

  @PostMapping("/login/code")
  String checkCode(
      @RequestParam(value = "code", required = false) String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    PendingSignIn pending = pending(request);
    if (pending == null) {
      return "redirect:/login?expired";
    }
    UserDetails user;
    try {
      user = accounts.loadUserByUsername(pending.username());
    } catch (UsernameNotFoundException gone) {
      request.getSession().removeAttribute(PendingSignIn.ATTRIBUTE);
      return "redirect:/login?error";
    }
    if (!user.isEnabled() || !user.isAccountNonLocked()) {
      request.getSession().removeAttribute(PendingSignIn.ATTRIBUTE);
      return "redirect:/login?error";
    }
    if (!secondFactors.verify(pending.userId(), code)) {
      if (signIns.wrongCode(pending, request)) {
        request.getSession().removeAttribute(PendingSignIn.ATTRIBUTE);
        return "redirect:/login?error";
      }
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute(
          "error",
          "That code is not right, or it has already been used. Enter the code your"
              + " authenticator app shows now.");
      return "identity/code";
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SecurityContextHolder.setContext(context);
    request.changeSessionId();
    request.getSession().removeAttribute(PendingSignIn.ATTRIBUTE);
    contexts.saveContext(context, request, response);
    signIns.signedIn(pending.username(), request, "with-second-factor");
    return "redirect:/";
  }

  private PendingSignIn pending(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null
        || !(session.getAttribute(PendingSignIn.ATTRIBUTE) instanceof PendingSignIn pending)) {
      return null;
    }
    if (pending.expiredAt(clock.instant())) {
      session.removeAttribute(PendingSignIn.ATTRIBUTE);
      return null;
    }
    return pending;
  }
}
