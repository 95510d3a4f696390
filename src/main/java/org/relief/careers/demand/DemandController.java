package org.relief.careers.demand;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The demand view: every parameter of the model in a form, the figures per state recomputed on the
 * server from what the form sends. A what-if lives in the request's URL only; nothing is saved. An
 * htmx request gets the results fragment (a refusal inside it, as htmx swaps only 2xx answers) and,
 * out of band, the one-line summary above the form, so that a refusal shows where the typing is;
 * without JavaScript the form is a plain GET.
 */
@Controller
class DemandController {

  @GetMapping("/careers/demand")
  String demand(
      @RequestParam Map<String, String> form,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Model model,
      HttpServletResponse response) {
    Map<String, String> typed = DemandParameters.defaults().asForm();
    typed = new java.util.LinkedHashMap<>(typed);
    typed.putAll(form);
    model.addAttribute("typed", typed);
    model.addAttribute("parameters", DemandParameter.values());
    model.addAttribute("populationSource", StatePopulation.SOURCE);
    model.addAttribute("activeNav", "careers");
    model.addAttribute("htmx", htmx != null);
    try {
      DemandParameters p = DemandParameters.from(form);
      List<StateDemand> rows = DemandModel.compute(p, StatePopulation.CENSUS_2020);
      model.addAttribute("rows", rows);
      model.addAttribute("bars", GapBar.of(rows));
      model.addAttribute("total", DemandModel.total(rows));
      model.addAttribute("years", (int) Math.round(p.get(DemandParameter.HORIZON_YEARS).base()));
    } catch (RuleViolation e) {
      if (htmx == null) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      }
      model.addAttribute("error", e.getMessage());
    }
    return htmx != null ? "careers/demand :: results" : "careers/demand";
  }
}
