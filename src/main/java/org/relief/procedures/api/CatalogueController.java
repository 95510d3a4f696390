package org.relief.procedures.api;

import java.util.List;
import org.relief.procedures.ProcedureCatalogue;
import org.relief.procedures.ProcedureType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/procedures/catalogue}: every procedure type of the practice. */
@RestController
class CatalogueController {

  private final ProcedureCatalogue catalogue;

  CatalogueController(ProcedureCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping("/api/v1/procedures/catalogue")
  List<ProcedureType> catalogue() {
    return catalogue.all();
  }
}
