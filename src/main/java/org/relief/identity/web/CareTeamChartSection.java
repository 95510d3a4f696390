package org.relief.identity.web;

import java.util.Map;
import java.util.Optional;
import org.relief.identity.CareTeams;
import org.relief.identity.UserAccounts;
import org.relief.platform.ChartSection;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The patient's care team on the chart, with the add and remove forms for those who may. */
@Component
class CareTeamChartSection implements ChartSection {

  private final CareTeams teams;
  private final UserAccounts accounts;

  CareTeamChartSection(CareTeams teams, UserAccounts accounts) {
    this.teams = teams;
    this.accounts = accounts;
  }

  @Override
  public int order() {
    return 50;
  }

  @Override
  public Optional<Rendered> render(long patientId) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    boolean mayManage =
        auth != null
            && accounts
                .findByUsername(auth.getName())
                .filter(u -> teams.mayManage(u.id()))
                .isPresent();
    return Optional.of(
        new Rendered(
            "identity/care-team",
            "chart-section",
            Map.of(
                "members",
                teams.members(patientId),
                "candidates",
                mayManage ? teams.candidates() : java.util.List.of(),
                "mayManage",
                mayManage)));
  }
}
