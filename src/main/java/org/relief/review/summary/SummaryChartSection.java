package org.relief.review.summary;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.relief.platform.ChartSection;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The way from the patient chart to the pre-visit summary and its PDF, at the top of the chart, for
 * the roles that may open them (the front desk does not see it). Reads no patient data.
 */
@Component
class SummaryChartSection implements ChartSection {

  private static final Set<String> AUTHORITIES =
      Arrays.stream(SummaryAccessRules.ROLES).map(r -> "ROLE_" + r).collect(Collectors.toSet());

  @Override
  public int order() {
    return 10;
  }

  @Override
  public Optional<Rendered> render(long patientId) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null
        || auth.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .noneMatch(AUTHORITIES::contains)) {
      return Optional.empty();
    }
    return Optional.of(new Rendered("review/summary-link", "section", Map.of()));
  }
}
