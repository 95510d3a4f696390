package org.relief.careers.alerts;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.relief.careers.jobs.JobSearchForm;
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

/** A specialist's saved searches and the new matches they found. */
@Controller
class SavedSearchController {

  private final SavedSearches searches;
  private final UserAccounts accounts;

  SavedSearchController(SavedSearches searches, UserAccounts accounts) {
    this.searches = searches;
    this.accounts = accounts;
  }

  @GetMapping("/careers/searches")
  String list(Principal principal, Model model) {
    return page(me(principal), model, null);
  }

  @PostMapping("/careers/searches")
  String save(
      Principal principal,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      HttpServletResponse response) {
    long me = me(principal);
    JobSearchForm form =
        new JobSearchForm(
            params.getFirst("state"),
            params.getFirst("setting"),
            params.getFirst("procedure"),
            params.getFirst("minBase"),
            params.getFirst("visa"),
            params.getFirst("sort"),
            params.getFirst("near"),
            params.getFirst("miles"),
            params.getFirst("call"),
            params.getFirst("telemedicine"));
    try {
      SavedSearch saved =
          searches.save(
              me, params.getFirst("name"), form, "true".equals(params.getFirst("notify")));
      return "redirect:/careers/searches?saved=" + saved.id();
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("refusedLink", form.boardLink());
      return page(me, model, e.getMessage());
    }
  }

  @PostMapping("/careers/searches/{id}/delete")
  String delete(@PathVariable long id, Principal principal) {
    searches.delete(me(principal), id);
    return "redirect:/careers/searches";
  }

  @PostMapping("/careers/searches/seen")
  String seen(Principal principal) {
    searches.markSeen(me(principal));
    return "redirect:/careers/searches";
  }

  private String page(long me, Model model, String error) {
    model.addAttribute("searches", searches.mine(me));
    model.addAttribute("newMatches", searches.newMatches(me));
    model.addAttribute("error", error);
    model.addAttribute("activeNav", "careers");
    return "careers/searches";
  }

  private long me(Principal principal) {
    return accounts
        .findByUsername(principal.getName())
        .orElseThrow(() -> new NotFound("There is no such account."))
        .id();
  }
}
