package org.relief.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.identity.internal.SecondFactors;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The practice administrator's page for accounts and roles. */
@Controller
class UserAdminController {

  private final UserAccounts accounts;
  private final Clock clock;
  private final SecondFactors secondFactors;

  UserAdminController(UserAccounts accounts, Clock clock, SecondFactors secondFactors) {
    this.accounts = accounts;
    this.clock = clock;
    this.secondFactors = secondFactors;
  }

  /** The form for a new account. */
  record NewUserForm(String username, String displayName, String password, List<Role> roles) {
    static NewUserForm empty() {
      return new NewUserForm("", "", "", List.of());
    }

    Set<Role> roleSet() {
      return roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }
  }

  record RolesForm(List<Role> roles) {}

  record PasswordForm(String password) {}

  @GetMapping("/admin/users")
  String list(Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", NewUserForm.empty());
    }
    var all = accounts.all();
    model.addAttribute("users", all);
    model.addAttribute(
        "twoStep",
        all.stream()
            .filter(u -> secondFactors.enabledFor(u.id()))
            .map(UserAccount::id)
            .collect(java.util.stream.Collectors.toSet()));
    model.addAttribute("now", clock.instant());
    model.addAttribute("activeNav", "users");
    model.addAttribute("roles", Role.values());
    model.addAttribute("minPasswordLength", UserAccounts.MIN_PASSWORD_LENGTH);
    return "identity/users";
  }

  @PostMapping("/admin/users")
  String create(
      NewUserForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
    try {
      var account =
          accounts.create(
              new UserAccounts.NewUser(
                  form.username(), form.displayName(), form.password(), form.roleSet()));
      redirect.addFlashAttribute("notice", "Account '" + account.username() + "' created.");
      return "redirect:/admin/users";
    } catch (RuleViolation e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute(
          "form", new NewUserForm(form.username(), form.displayName(), "", form.roles()));
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      list(model);
      return "identity/users";
    }
  }

  @PostMapping("/admin/users/{id}/roles")
  String changeRoles(
      @PathVariable long id, RolesForm form, Authentication me, RedirectAttributes redirect) {
    return act(
        redirect,
        () ->
            accounts.changeRoles(
                id,
                form.roles() == null || form.roles().isEmpty()
                    ? Set.of()
                    : EnumSet.copyOf(form.roles()),
                me.getName()),
        "Roles changed; the person signs in again to use them.");
  }

  @PostMapping("/admin/users/{id}/disable")
  String disable(@PathVariable long id, Authentication me, RedirectAttributes redirect) {
    return act(redirect, () -> accounts.setEnabled(id, false, me.getName()), "Account disabled.");
  }

  @PostMapping("/admin/users/{id}/enable")
  String enable(@PathVariable long id, Authentication me, RedirectAttributes redirect) {
    return act(redirect, () -> accounts.setEnabled(id, true, me.getName()), "Account enabled.");
  }

  @PostMapping("/admin/users/{id}/unlock")
  String unlock(@PathVariable long id, RedirectAttributes redirect) {
    return act(redirect, () -> accounts.unlock(id), "Account unlocked.");
  }

  /** For a person who lost their phone: they sign in with the password and set it up again. */
  @PostMapping("/admin/users/{id}/second-factor/reset")
  String resetSecondFactor(@PathVariable long id, RedirectAttributes redirect) {
    return act(
        redirect,
        () -> {
          accounts.get(id);
          secondFactors.disable(id);
          accounts.endSessionsOf(id);
        },
        "Two-step sign-in reset; the person signs in with the password and sets it up again.");
  }

  @PostMapping("/admin/users/{id}/password")
  String password(@PathVariable long id, PasswordForm form, RedirectAttributes redirect) {
    return act(redirect, () -> accounts.resetPassword(id, form.password()), "Password set.");
  }

  private static String act(RedirectAttributes redirect, Runnable action, String notice) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", notice);
    } catch (RuleViolation e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/admin/users";
  }
}
