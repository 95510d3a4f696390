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
          "conferences",
          new Area(
              "Case conferences",
              "Spine-surgeon case conferences: nominated cases, the assembled case packet,"
                  + " attendees, a structured recommendation with dissent, and the actions that"
                  + " follow.",
              "Not available in this version."));

  @GetMapping("/{area:conferences}")
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
