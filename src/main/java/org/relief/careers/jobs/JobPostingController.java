package org.relief.careers.jobs;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.relief.identity.UserAccounts;
import org.relief.platform.NotFound;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A recruiter's own organisation's postings: list, write, publish, close. */
@Controller
class JobPostingController {

  private final JobPostings postings;
  private final UserAccounts accounts;

  JobPostingController(JobPostings postings, UserAccounts accounts) {
    this.postings = postings;
    this.accounts = accounts;
  }

  /** The careers area's front door: each role to the part it works in. */
  @GetMapping("/careers")
  String careers(Authentication auth, Model model) {
    if (has(auth, Role.RECRUITER)) {
      return list(auth, model);
    }
    if (has(auth, Role.PRACTICE_ADMIN)) {
      return "redirect:/careers/employers";
    }
    if (has(auth, Role.SPECIALIST)) {
      return "redirect:/careers/profile";
    }
    return "redirect:/jobs";
  }

  @GetMapping("/careers/postings")
  String list(Principal principal, Model model) {
    long me = me(principal);
    var employer = postings.findEmployerOf(me);
    model.addAttribute("employer", employer.orElse(null));
    model.addAttribute(
        "postings", employer.isPresent() ? postings.ofRecruiter(me) : java.util.List.of());
    model.addAttribute("today", postings.today());
    model.addAttribute("activeNav", "careers");
    return "careers/postings";
  }

  @GetMapping("/careers/postings/new")
  String newPosting(Principal principal, Model model) {
    postings.employerOf(me(principal));
    return form(model, JobForm.empty(postings.today()), null, null);
  }

  @PostMapping("/careers/postings")
  String create(
      Principal principal,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      HttpServletResponse response) {
    JobForm form = JobForm.from(params);
    try {
      JobPosting created = postings.create(me(principal), form.details());
      return "redirect:/careers/postings/" + created.id();
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return form(model, form, null, e.getMessage());
    }
  }

  @GetMapping("/careers/postings/{id}")
  String show(@PathVariable long id, Principal principal, Model model) {
    JobPosting posting = postings.ownPosting(me(principal), id);
    model.addAttribute("job", posting);
    model.addAttribute("open", posting.openOn(postings.today()));
    model.addAttribute("activeNav", "careers");
    return "careers/posting";
  }

  @GetMapping("/careers/postings/{id}/edit")
  String edit(@PathVariable long id, Principal principal, Model model) {
    JobPosting posting = postings.ownPosting(me(principal), id);
    return form(model, JobForm.of(posting.details()), id, null);
  }

  @PostMapping("/careers/postings/{id}")
  String update(
      @PathVariable long id,
      Principal principal,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      HttpServletResponse response) {
    long me = me(principal);
    postings.ownPosting(me, id);
    JobForm form = JobForm.from(params);
    try {
      postings.update(me, id, form.details());
      return "redirect:/careers/postings/" + id;
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return form(model, form, id, e.getMessage());
    }
  }

  @PostMapping("/careers/postings/{id}/publish")
  String publish(@PathVariable long id, Principal principal) {
    postings.publish(me(principal), id);
    return "redirect:/careers/postings/" + id;
  }

  @PostMapping("/careers/postings/{id}/close")
  String close(@PathVariable long id, Principal principal) {
    postings.close(me(principal), id);
    return "redirect:/careers/postings/" + id;
  }

  private String form(Model model, JobForm form, Long id, String error) {
    model.addAttribute("form", form);
    model.addAttribute("jobId", id);
    model.addAttribute("error", error);
    model.addAttribute("taxonomies", PainTaxonomy.values());
    model.addAttribute("settings", PracticeSetting.values());
    model.addAttribute("models", EmploymentModel.values());
    model.addAttribute("boards", Board.values());
    model.addAttribute("assets", FacilityAsset.values());
    model.addAttribute("procedures", JobForm.catalogue());
    model.addAttribute("requirements", Requirement.values());
    model.addAttribute("hiringVias", HiringVia.values());
    model.addAttribute("activeNav", "careers");
    return "careers/form";
  }

  private long me(Principal principal) {
    return accounts
        .findByUsername(principal.getName())
        .orElseThrow(() -> new NotFound("There is no such account."))
        .id();
  }

  private static boolean has(Authentication auth, Role role) {
    return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
  }
}
