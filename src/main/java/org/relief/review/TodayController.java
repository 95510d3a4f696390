package org.relief.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class TodayController {

  private final Clock clock;
  private final PracticeSettings practice;
  private final UserAccounts accounts;

  TodayController(Clock clock, PracticeSettings practice, UserAccounts accounts) {
    this.clock = clock;
    this.practice = practice;
    this.accounts = accounts;
  }

  @GetMapping("/today")
  String today(Model model) {
    model.addAttribute("date", LocalDate.now(clock.withZone(practice.timeZone())));
    model.addAttribute("activeNav", "today");
    Map<Role, Long> staff = new EnumMap<>(Role.class);
    for (UserAccount account : accounts.all()) {
      if (account.enabled()) {
        account.roles().forEach(r -> staff.merge(r, 1L, Long::sum));
      }
    }
    model.addAttribute("staff", staff);
    return "review/today";
  }
}
