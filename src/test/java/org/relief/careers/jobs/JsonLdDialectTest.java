package org.relief.careers.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonLdDialectTest {

  @Test
  void writesNoCharacterThatCouldEndOrReinterpretTheScriptElementAndKeepsTheData() {
    String hostile = "A</script><!--<script>&amp; \u2028 \"q\" 'x' \\ é";
    String json = JsonLdDialect.scriptSafe(Map.of("title", hostile, "n", 3));
    assertThat(json).doesNotContain("<", ">", "&", "\u2028");
    var parsed = JsonMapper.builder().build().readTree(json);
    assertThat(parsed.get("title").asText()).isEqualTo(hostile);
    assertThat(parsed.get("n").asInt()).isEqualTo(3);
  }
}
