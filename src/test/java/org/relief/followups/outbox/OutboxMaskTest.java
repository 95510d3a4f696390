package org.relief.followups.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxMaskTest {

  @Test
  void theOutboxShowsThatALinkWentOutWithoutItsSecret() {
    String token = "AbCdefghijklmnopqrstuvwxyz0123456789_-ABCDE";
    assertThat(OutboxController.mask("Please answer: https://x.example/followup/" + token))
        .isEqualTo("Please answer: https://x.example/followup/AbCd…");
    assertThat(OutboxController.mask("Diary: https://x.example/diary/" + token))
        .isEqualTo("Diary: https://x.example/diary/AbCd…");
  }
}
