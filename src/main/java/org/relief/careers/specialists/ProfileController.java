package org.relief.careers.specialists;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.relief.careers.jobs.Board;
import org.relief.careers.jobs.PainTaxonomy;
import org.relief.careers.jobs.PracticeSetting;
import org.relief.careers.jobs.UsStates;
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

/**
 * The specialist's own profile page: identity, credential wallet, expiry radar and private
 * preferences, each section with its own plain form. A refused form comes back with what was typed
 * and the reason; what was saved before is untouched.
 */
@Controller
class ProfileController {

  private final SpecialistProfiles profiles;
  private final ExpiryRadar radar;
  private final UserAccounts accounts;

  ProfileController(SpecialistProfiles profiles, ExpiryRadar radar, UserAccounts accounts) {
    this.profiles = profiles;
    this.radar = radar;
    this.accounts = accounts;
  }

  @GetMapping("/careers/profile")
  String show(Principal principal, Model model) {
    return page(model, profiles.own(me(principal)), Map.of(), null);
  }

  @PostMapping("/careers/profile")
  String basics(
      Principal principal,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      HttpServletResponse response) {
    long me = me(principal);
    return save(
        me,
        params,
        model,
        response,
        () ->
            profiles.saveBasics(
                me,
                new ProfileBasics(
                    one(params, "npi"),
                    FormValues.choice(PainTaxonomy.class, one(params, "taxonomy"), "taxonomy"),
                    FormValues.state(one(params, "homeState"), "state you practise in now"),
                    one(params, "fellowship"),
                    FormValues.whole(one(params, "fellowshipYear"), 1950, 2100, "fellowship year"),
                    FormValues.date(one(params, "caqhAttestedOn"), "CAQH attestation date"))));
  }

  @PostMapping("/careers/profile/preferences")
  String preferences(
      Principal principal,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      HttpServletResponse response) {
    long me = me(principal);
    return save(
        me,
        params,
        model,
        response,
        () -> {
          EnumSet<PracticeSetting> settings = EnumSet.noneOf(PracticeSetting.class);
          for (String s : params.getOrDefault("prefSettings", List.of())) {
            settings.add(FormValues.requiredChoice(PracticeSetting.class, s, "practice setting"));
          }
          return profiles.savePreferences(
              me,
              new Preferences(
                  FormValues.states(one(params, "prefStates"), "preferred states"),
                  FormValues.whole(
                      one(params, "prefMinCompensation"), 0, 10_000_000, "minimum compensation"),
                  FormValues.whole(one(params, "prefMaxCallNights"), 0, 31, "call limit"),
                  settings,
                  "true".equals(one(params, "allowContact"))));
        });
  }

  @PostMapping("/careers/profile/licences")
  String licence(
      Principal principal,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      HttpServletResponse response) {
    long me = me(principal);
    return save(
        me,
        params,
        model,
        response,
        () ->
            profiles.addLicence(
                me,
                new Licence(
                    0,
                    FormValues.requiredState(one(params, "licState"), "licence state"),
                    FormValues.requiredText(one(params, "licNumber"), 40, "licence number"),
                    FormValues.requiredChoice(
                        LicenceStatus.class, one(params, "licStatus"), "licence status"),
                    FormValues.date(one(params, "licExpires"), "licence expiry date"),
                    FormValues.text(one(params, "licVerifiedBy"), 160, "verified by"),
                    FormValues.date(one(params, "licVerifiedAt"), "verification date"),
                    FormValues.text(one(params, "licSource"), 160, "source"))));
  }

  @PostMapping("/careers/profile/registrations")
  String registration(
      Principal principal,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      HttpServletResponse response) {
    long me = me(principal);
    return save(
        me,
        params,
        model,
        response,
        () ->
            profiles.addRegistration(
                me,
                new Registration(
                    0,
                    FormValues.requiredChoice(
                        RegistrationKind.class, one(params, "regKind"), "kind of registration"),
                    FormValues.requiredState(one(params, "regState"), "registration state"),
                    FormValues.requiredText(one(params, "regNumber"), 40, "registration number"),
                    FormValues.date(one(params, "regExpires"), "registration expiry date"),
                    FormValues.text(one(params, "regVerifiedBy"), 160, "verified by"),
                    FormValues.date(one(params, "regVerifiedAt"), "verification date"))));
  }

  @PostMapping("/careers/profile/boards")
  String board(
      Principal principal,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      HttpServletResponse response) {
    long me = me(principal);
    return save(
        me,
        params,
        model,
        response,
        () ->
            profiles.addBoard(
                me,
                new BoardCertification(
                    0,
                    FormValues.requiredChoice(Board.class, one(params, "boardBoard"), "board"),
                    FormValues.requiredText(one(params, "boardSpecialty"), 120, "specialty"),
                    FormValues.date(one(params, "boardCertified"), "certification date"),
                    FormValues.date(one(params, "boardExpires"), "certification expiry date"),
                    FormValues.date(one(params, "boardMoc"), "MOC due date"))));
  }

  @PostMapping("/careers/profile/cme")
  String cme(
      Principal principal,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      HttpServletResponse response) {
    long me = me(principal);
    return save(
        me,
        params,
        model,
        response,
        () -> {
          var credits = FormValues.decimal(one(params, "cmeCredits"), "0.25", "200", "credits");
          if (credits == null) {
            throw new RuleViolation("missing-credits", "Give the number of credits.");
          }
          return profiles.addCme(
              me,
              new CmeCredit(
                  0,
                  FormValues.requiredChoice(
                      CmeCategory.class, one(params, "cmeCategory"), "CME category"),
                  FormValues.state(one(params, "cmeState"), "CME state"),
                  credits,
                  FormValues.requiredDate(one(params, "cmeEarned"), "date the credits were earned"),
                  FormValues.text(one(params, "cmeActivity"), 200, "activity")));
        });
  }

  @PostMapping("/careers/profile/cme-requirements")
  String cmeRequirement(
      Principal principal,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      HttpServletResponse response) {
    long me = me(principal);
    return save(
        me,
        params,
        model,
        response,
        () -> {
          var credits =
              FormValues.decimal(one(params, "reqCredits"), "0.25", "500", "required credits");
          if (credits == null) {
            throw new RuleViolation("missing-credits", "Give the number of credits required.");
          }
          return profiles.addCmeRequirement(
              me,
              new CmeRequirement(
                  0,
                  FormValues.requiredState(one(params, "reqState"), "state of the requirement"),
                  FormValues.requiredChoice(
                      CmeCategory.class, one(params, "reqCategory"), "CME category"),
                  credits,
                  FormValues.requiredDate(one(params, "reqStart"), "start of the CME cycle"),
                  FormValues.requiredDate(one(params, "reqDue"), "date the credits are due")));
        });
  }

  @PostMapping("/careers/profile/{kind}/{id}/remove")
  String remove(@PathVariable String kind, @PathVariable long id, Principal principal) {
    CredentialKind k =
        switch (kind) {
          case "licences" -> CredentialKind.LICENCE;
          case "registrations" -> CredentialKind.REGISTRATION;
          case "boards" -> CredentialKind.BOARD;
          case "cme" -> CredentialKind.CME;
          case "cme-requirements" -> CredentialKind.CME_REQUIREMENT;
          default -> throw new NotFound("There is no such part of a profile.");
        };
    profiles.remove(me(principal), k, id);
    return "redirect:/careers/profile";
  }

  private String save(
      long me,
      MultiValueMap<String, String> params,
      Model model,
      HttpServletResponse response,
      Supplier<SpecialistProfile> action) {
    try {
      action.get();
      return "redirect:/careers/profile";
    } catch (RuleViolation e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      Map<String, String> typed = new LinkedHashMap<>();
      params.forEach((k, v) -> typed.put(k, v.isEmpty() ? "" : v.get(0)));
      typed.put("_settings", String.join(",", params.getOrDefault("prefSettings", List.of())));
      return page(model, profiles.own(me), typed, e.getMessage());
    }
  }

  private String page(
      Model model, SpecialistProfile profile, Map<String, String> typed, String error) {
    model.addAttribute("profile", profile);
    model.addAttribute("reminders", radar.remindersFor(profile));
    model.addAttribute("radarWindows", radar.windows());
    model.addAttribute("today", profiles.today());
    model.addAttribute("typed", typed);
    model.addAttribute("error", error);
    model.addAttribute("basics", typed.containsKey("npi") ? typed : basics(profile));
    model.addAttribute(
        "prefs", typed.containsKey("prefStates") ? typed : preferences(profile.preferences()));
    model.addAttribute("states", UsStates.CODES);
    model.addAttribute("taxonomies", PainTaxonomy.values());
    model.addAttribute("settings", PracticeSetting.values());
    model.addAttribute("statuses", LicenceStatus.values());
    model.addAttribute("registrationKinds", RegistrationKind.values());
    model.addAttribute("boards", Board.values());
    model.addAttribute("cmeCategories", CmeCategory.values());
    model.addAttribute("activeNav", "careers");
    return "careers/profile";
  }

  private static Map<String, String> basics(SpecialistProfile p) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("npi", p.npi() == null ? "" : p.npi());
    m.put("taxonomy", p.taxonomy() == null ? "" : p.taxonomy().name());
    m.put("homeState", p.homeState() == null ? "" : p.homeState());
    m.put("fellowship", p.fellowship());
    m.put("fellowshipYear", p.fellowshipYear() == null ? "" : p.fellowshipYear().toString());
    m.put("caqhAttestedOn", p.caqhAttestedOn() == null ? "" : p.caqhAttestedOn().toString());
    return m;
  }

  private static Map<String, String> preferences(Preferences p) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("prefStates", String.join(", ", p.states()));
    m.put("prefMinCompensation", p.minCompensation() == null ? "" : "" + p.minCompensation());
    m.put("prefMaxCallNights", p.maxCallNights() == null ? "" : "" + p.maxCallNights());
    m.put("_settings", String.join(",", p.settings().stream().map(Enum::name).toList()));
    m.put("allowContact", p.allowContact() ? "true" : "");
    return m;
  }

  private long me(Principal principal) {
    return accounts
        .findByUsername(principal.getName())
        .orElseThrow(() -> new NotFound("There is no such account."))
        .id();
  }

  private static String one(MultiValueMap<String, String> params, String name) {
    String v = params.getFirst(name);
    return v == null ? "" : v;
  }
}
