package org.relief.careers.portfolio;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.relief.careers.jobs.ProcedureFamily;
import org.relief.careers.specialists.FormValues;
import org.relief.identity.UserAccounts;
import org.relief.platform.NotFound;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The specialist's own portfolio: counts over a chosen period and self-reported entries. */
@Controller
class PortfolioController {

  private final Portfolios portfolios;
  private final PracticeLinks links;
  private final PortfolioShares shares;
  private final UserAccounts accounts;

  PortfolioController(
      Portfolios portfolios, PracticeLinks links, PortfolioShares shares, UserAccounts accounts) {
    this.portfolios = portfolios;
    this.links = links;
    this.shares = shares;
    this.accounts = accounts;
  }

  @GetMapping("/careers/portfolio")
  String show(
      Principal principal,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Model model,
      HttpServletResponse response) {
    long me = me(principal);
    try {
      return page(model, me, from, to, Map.of(), null);
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, me, null, null, Map.of(), e.getMessage());
    }
  }

  @PostMapping("/careers/portfolio/entries")
  String add(
      Principal principal,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      HttpServletResponse response) {
    long me = me(principal);
    try {
      portfolios.addSelfReported(
          me,
          FormValues.requiredChoice(ProcedureFamily.class, params.getFirst("family"), "procedure"),
          FormValues.requiredChoice(Guidance.class, params.getFirst("guidance"), "guidance"),
          FormValues.requiredChoice(CaseRole.class, params.getFirst("role"), "role"),
          required(FormValues.month(params.getFirst("month"), "month")),
          FormValues.whole(params.getFirst("cases"), 1, 10_000, "number of cases"),
          params.getFirst("note"));
      return "redirect:/careers/portfolio";
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      Map<String, String> typed = new LinkedHashMap<>();
      params.forEach((k, v) -> typed.put(k, v.isEmpty() ? "" : v.get(0)));
      return page(model, me, null, null, typed, e.getMessage());
    }
  }

  @PostMapping("/careers/portfolio/entries/{id}/remove")
  String remove(@PathVariable long id, Principal principal) {
    portfolios.removeSelfReported(me(principal), id);
    return "redirect:/careers/portfolio";
  }

  @PostMapping("/careers/portfolio/links")
  String link(
      Principal principal,
      @RequestParam(defaultValue = "") String practiceUsername,
      Model model,
      HttpServletResponse response) {
    long me = me(principal);
    try {
      links.request(me, practiceUsername);
      return "redirect:/careers/portfolio";
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(
          model, me, null, null, Map.of("practiceUsername", practiceUsername), e.getMessage());
    }
  }

  @PostMapping("/careers/portfolio/shares")
  String share(
      Principal principal,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      HttpServletResponse response) {
    long me = me(principal);
    String from = params.getFirst("from");
    String to = params.getFirst("to");
    try {
      YearMonth end = FormValues.month(to, "end of the period");
      end = end == null ? portfolios.thisMonth() : end;
      YearMonth start = FormValues.month(from, "start of the period");
      start = start == null ? end.minusMonths(11) : start;
      var created =
          shares.create(
              me, FormValues.whole(params.getFirst("days"), 1, 365, "number of days"), start, end);
      String url =
          ServletUriComponentsBuilder.fromCurrentContextPath()
              .path("/portfolio/shared/{token}")
              .buildAndExpand(created.token())
              .toUriString();
      model.addAttribute("newShareUrl", url);
      model.addAttribute("newShare", created.share());
      return page(model, me, from, to, Map.of(), null);
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, me, null, null, Map.of(), e.getMessage());
    }
  }

  @PostMapping("/careers/portfolio/shares/{id}/revoke")
  String revoke(@PathVariable long id, Principal principal) {
    shares.revoke(me(principal), id);
    return "redirect:/careers/portfolio";
  }

  private String page(
      Model model, long me, String from, String to, Map<String, String> typed, String error) {
    YearMonth end = FormValues.month(to, "end of the period");
    end = end == null ? portfolios.thisMonth() : end;
    YearMonth start = FormValues.month(from, "start of the period");
    start = start == null ? end.minusMonths(11) : start;
    model.addAttribute("portfolio", portfolios.portfolio(me, start, end));
    model.addAttribute("entries", portfolios.selfReported(me));
    model.addAttribute("typed", typed);
    model.addAttribute("error", error);
    model.addAttribute("families", ProcedureFamily.values());
    model.addAttribute("guidances", Guidance.values());
    model.addAttribute("roles", CaseRole.values());
    model.addAttribute("thisMonth", portfolios.thisMonth());
    model.addAttribute("links", links.ofSpecialist(me));
    model.addAttribute("practiceAccounts", practiceAccounts(links.ofSpecialist(me)));
    model.addAttribute("shares", shares.ofSpecialist(me));
    model.addAttribute("now", java.time.Instant.now(clockOf()));
    model.addAttribute("shareDays", shares.defaultDays());
    model.addAttribute("shareMaxDays", shares.maxDays());
    model.addAttribute("activeNav", "careers");
    return "careers/portfolio";
  }

  private Map<Long, String> practiceAccounts(java.util.List<PracticeLink> list) {
    Map<Long, String> names = new LinkedHashMap<>();
    list.forEach(l -> names.put(l.practiceUserId(), accounts.get(l.practiceUserId()).username()));
    return names;
  }

  private java.time.Clock clockOf() {
    return portfolios.clock();
  }

  private static YearMonth required(YearMonth month) {
    if (month == null) {
      throw new RuleViolation("missing-month", "Give the month, such as 2026-03.");
    }
    return month;
  }

  private long me(Principal principal) {
    return accounts
        .findByUsername(principal.getName())
        .orElseThrow(() -> new NotFound("There is no such account."))
        .id();
  }
}
