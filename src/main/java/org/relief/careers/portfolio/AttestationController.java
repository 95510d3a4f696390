package org.relief.careers.portfolio;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.relief.careers.specialists.FormValues;
import org.relief.identity.UserAccount;
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
 * The practice administrator's page for specialists' links to practice accounts: attest or refuse a
 * link, then attest the procedure counts of a period. Only counts by family and month are shown.
 */
@Controller
class AttestationController {

  private final PracticeLinks links;
  private final Portfolios portfolios;
  private final UserAccounts accounts;

  AttestationController(PracticeLinks links, Portfolios portfolios, UserAccounts accounts) {
    this.links = links;
    this.portfolios = portfolios;
    this.accounts = accounts;
  }

  @GetMapping("/careers/attestations")
  String list(Model model) {
    var all = links.all();
    Map<Long, String> names = new LinkedHashMap<>();
    all.forEach(
        l -> {
          names.put(l.specialistUserId(), accounts.get(l.specialistUserId()).displayName());
          UserAccount p = accounts.get(l.practiceUserId());
          names.put(l.practiceUserId(), p.displayName() + " (" + p.username() + ")");
        });
    model.addAttribute("links", all);
    model.addAttribute("names", names);
    model.addAttribute("activeNav", "careers");
    return "careers/attestations";
  }

  @GetMapping("/careers/attestations/{id}")
  String show(
      @PathVariable long id,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Model model,
      HttpServletResponse response) {
    try {
      return page(model, id, from, to, null, null);
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, id, null, null, e.getMessage(), null);
    }
  }

  @PostMapping("/careers/attestations/{id}/link")
  String decide(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String decision,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    try {
      if (!decision.equals("attest") && !decision.equals("refuse")) {
        throw new RuleViolation("invalid-decision", "Choose to attest or to refuse the link.");
      }
      links.decide(me(principal), id, decision.equals("attest"));
      return "redirect:/careers/attestations/" + id;
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, id, null, null, e.getMessage(), null);
    }
  }

  @PostMapping("/careers/attestations/{id}/counts")
  String attest(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    try {
      YearMonth start = FormValues.month(from, "start of the period");
      YearMonth end = FormValues.month(to, "end of the period");
      if (start == null || end == null) {
        throw new RuleViolation("missing-period", "Give the first and last month to attest.");
      }
      var counts = links.attestCounts(me(principal), id, start, end);
      return page(
          model,
          id,
          from,
          to,
          null,
          counts.total() + " procedures attested for " + start + " to " + end + ".");
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, id, null, null, e.getMessage(), null);
    }
  }

  private String page(Model model, long id, String from, String to, String error, String done) {
    PracticeLink link = links.get(id);
    YearMonth end = FormValues.month(to, "end of the period");
    end = end == null ? portfolios.thisMonth() : end;
    YearMonth start = FormValues.month(from, "start of the period");
    start = start == null ? end.minusMonths(23) : start;
    model.addAttribute("link", link);
    model.addAttribute("specialist", accounts.get(link.specialistUserId()).displayName());
    UserAccount practice = accounts.get(link.practiceUserId());
    model.addAttribute(
        "practiceAccount", practice.displayName() + " (" + practice.username() + ")");
    model.addAttribute("from", start);
    model.addAttribute("to", end);
    model.addAttribute(
        "counts",
        link.status() == PracticeLink.Status.ATTESTED ? links.counts(id, start, end) : null);
    model.addAttribute("error", error);
    model.addAttribute("done", done);
    model.addAttribute("activeNav", "careers");
    return "careers/attestation";
  }

  private long me(Principal principal) {
    return accounts
        .findByUsername(principal.getName())
        .orElseThrow(() -> new NotFound("There is no such account."))
        .id();
  }
}
