package org.relief.patients.bodymap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relief.patients.bodymap.BodyRegion.Side;
import org.relief.patients.bodymap.BodyRegion.View;

class BodyRegionsTest {

  @Test
  void theCatalogueHasAtLeastSixtyRegionsWithUniqueCodes() {
    List<String> codes = BodyRegions.all().stream().map(BodyRegion::code).toList();
    assertThat(codes).hasSizeGreaterThanOrEqualTo(60).doesNotHaveDuplicates();
    assertThat(new HashSet<>(codes)).hasSameSizeAs(codes);
  }

  @Test
  void everyLeftRegionHasItsRightTwinAndTheOtherWayRound() {
    for (BodyRegion region : BodyRegions.all()) {
      switch (region.side()) {
        case LEFT -> {
          assertThat(region.code()).endsWith(".left");
          String twin = region.code().replaceFirst("\\.left$", ".right");
          assertThat(BodyRegions.byCode(twin))
              .as("twin of " + region.code())
              .hasValueSatisfying(r -> assertThat(r.side()).isEqualTo(Side.RIGHT));
        }
        case RIGHT -> {
          assertThat(region.code()).endsWith(".right");
          assertThat(BodyRegions.byCode(region.code().replaceFirst("\\.right$", ".left")))
              .as("twin of " + region.code())
              .isPresent();
        }
        case MIDLINE -> assertThat(region.code()).doesNotEndWith(".left").doesNotEndWith(".right");
      }
    }
  }

  @Test
  void codesNameTheirViewAndMidlineSpineRegionsAreSingle() {
    for (BodyRegion region : BodyRegions.all()) {
      assertThat(region.code()).startsWith(region.view() == View.FRONT ? "front." : "back.");
      assertThat(region.code()).matches("(front|back)\\.[a-z-]+(\\.(left|right))?");
    }
    for (String spine :
        List.of("back.cervical", "back.thoracic", "back.lumbar", "back.sacrum", "back.coccyx")) {
      assertThat(BodyRegions.byCode(spine))
          .hasValueSatisfying(r -> assertThat(r.side()).isEqualTo(Side.MIDLINE));
    }
    assertThat(BodyRegions.byCode("back.lumbar.left")).isPresent();
    assertThat(BodyRegions.byCode("front.knee.right")).isPresent();
  }

  @Test
  void pairedRegionsAreMirrorImagesAndTheFrontShowsThePatientsRightOnTheViewersLeft() {
    BodyRegion frontRight = BodyRegions.byCode("front.knee.right").orElseThrow();
    BodyRegion backLeft = BodyRegions.byCode("back.knee.left").orElseThrow();
    assertThat(firstX(frontRight)).isLessThan(100);
    assertThat(firstX(backLeft)).isLessThan(100);
    assertThat(firstX(BodyRegions.byCode("front.knee.left").orElseThrow())).isGreaterThan(100);
  }

  private static double firstX(BodyRegion region) {
    return Double.parseDouble(region.outline().substring(1).split(" ")[0]);
  }
}
