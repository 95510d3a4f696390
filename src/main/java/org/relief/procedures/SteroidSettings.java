package org.relief.procedures;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cumulative corticosteroid exposure settings. clinical-rules.md has no section on steroid
 * equivalence or on a yearly limit, so both are practice settings and shown as unconfirmed until
 * the practice confirms them (docs/decisions/0017).
 *
 * @param equivalentMg (empty: {@link #USUAL_EQUIVALENTS}) the dose of each corticosteroid
 *     equivalent in glucocorticoid effect to 4 mg of methylprednisolone (= 5 mg prednisone), from
 *     the usual equivalence table (Liu et al., Allergy Asthma Clin Immunol 2013;9:30, Table 1);
 *     tables differ for betamethasone (0.6–0.75)
 * @param warnAboveMg the methylprednisolone-equivalent total over the rolling window above which
 *     booking and the note warn
 * @param windowMonths the rolling window
 * @param confirmed whether the practice has confirmed these values; until then they show as
 *     "unconfirmed — confirm locally"
 */
@ConfigurationProperties("relief.procedures.steroids")
public record SteroidSettings(
    @DefaultValue Map<String, BigDecimal> equivalentMg,
    @DefaultValue("210") BigDecimal warnAboveMg,
    @DefaultValue("12") int windowMonths,
    @DefaultValue("false") boolean confirmed) {

  /** The equivalence table used when the practice sets none. */
  public static final Map<String, BigDecimal> USUAL_EQUIVALENTS =
      Map.of(
          "dexamethasone", new BigDecimal("0.75"),
          "triamcinolone", new BigDecimal("4"),
          "methylprednisolone", new BigDecimal("4"),
          "betamethasone", new BigDecimal("0.75"));

  public SteroidSettings {
    equivalentMg =
        equivalentMg == null || equivalentMg.isEmpty()
            ? USUAL_EQUIVALENTS
            : Map.copyOf(equivalentMg);
  }
}
