package org.relief.assessments.scoring;

import java.util.List;
import org.relief.assessments.AssessmentSettings;

/** Every instrument Relief scores, in the order of the library's list. */
public final class Catalogue {

  private Catalogue() {}

  public static List<Scorer> of(AssessmentSettings settings) {
    return List.of(
        new Nrs(settings),
        new Peg(),
        new BpiShortForm(),
        new Odi(),
        new Ndi(settings),
        new Phq9(settings),
        new Gad7(),
        new Pcs(settings),
        OpioidRiskTool.ort(settings),
        OpioidRiskTool.ortOud(settings),
        new Dn4(settings),
        new StartBack(),
        new Pgic(settings),
        PromisPainInterference.shortForm4a(settings),
        PromisPainInterference.shortForm8a(settings));
  }
}
