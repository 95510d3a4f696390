package org.relief.fhir.bulk;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.relief.fhir.ImportTally;
import org.relief.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/import}: NDJSON in the body ({@code application/fhir+ndjson}), or a folder of
 * FHIR Bundles on the server named in a JSON body ({@code {"folder": "synthea/fhir"}}), inside the
 * configured import root. {@code allOrNothing} keeps nothing if any entry is rejected. Answers the
 * counts per resource type and the rejected entries with their line or entry and the reason.
 */
@RestController
class BulkImportController {

  static final String NDJSON = "application/fhir+ndjson";

  private final BulkImporter importer;

  BulkImportController(BulkImporter importer) {
    this.importer = importer;
  }

  /** What a folder import asks for. */
  record FolderImport(String folder, Boolean allOrNothing) {}

  @PostMapping(
      path = "/api/v1/import",
      consumes = {NDJSON, "application/ndjson", "application/x-ndjson"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> ndjson(
      HttpServletRequest request,
      @RequestParam(name = "allOrNothing", defaultValue = "false") boolean allOrNothing)
      throws IOException {
    long started = System.nanoTime();
    return answer(importer.ndjson(request.getInputStream(), allOrNothing), started);
  }

  @PostMapping(
      path = "/api/v1/import",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> folder(@RequestBody FolderImport body) {
    if (body == null) {
      throw new RuleViolation(
          "folder-missing", "Give the folder to import, inside the import root.");
    }
    long started = System.nanoTime();
    return answer(
        importer.folder(body.folder(), Boolean.TRUE.equals(body.allOrNothing())), started);
  }

  private static ResponseEntity<Map<String, Object>> answer(
      BulkImporter.Result result, long started) {
    ImportTally tally = result.tally();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("mode", result.allOrNothing() ? "all-or-nothing" : "per-entry");
    body.put("imported", result.committed());
    body.put("resources", tally.counts());
    body.put(
        "totals",
        Map.of(
            "kept", tally.total(0),
            "alreadyPresent", tally.total(1),
            "skipped", tally.total(2),
            "rejected", tally.total(3)));
    body.put("rejections", tally.rejections());
    body.put("seconds", (System.nanoTime() - started) / 1e9);
    return ResponseEntity.status(
            result.committed() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
        .body(body);
  }
}
