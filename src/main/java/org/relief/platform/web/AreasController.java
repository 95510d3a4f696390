package org.relief.platform.web;

import java.util.Map;
import org.relief.platform.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The areas of the day whose modules have not landed yet. Each page says plainly what the area will
 * hold and that nothing of it is available in this version; a module that lands takes its URL over
 * and its entry leaves {@link #PENDING}.
 */
@Controller
class AreasController {

  /** What an area is for, in the clinic's words, and what of it exists so far. */
  record Area(String title, String purpose, String availableNow) {}

  static final Map<String, Area> PENDING =
      Map.of(
          "followups",
          new Area(
              "Follow-ups",
              "Follow-up schedules per procedure, patient questionnaires by secure link,"
                  + " diagnostic-block diaries and the evening work-list ranked by red flags.",
              "Not available in this version."),
          "outcomes",
          new Area(
              "Outcomes",
              "Responder rates (30 % and 50 % pain reduction, MCID on ODI/NDI) per procedure,"
                  + " level, clinician and diagnosis, with confidence intervals and follow-up"
                  + " completeness.",
              "Not available in this version."));

  @GetMapping("/{area:followups|outcomes}")
  String area(@PathVariable String area, Model model) {
    Area found = PENDING.get(area);
    if (found == null) {
      throw new NotFound("There is no such area.");
    }
    model.addAttribute("area", found);
    model.addAttribute("activeNav", area);
    return "platform/area";
  }
}
