package org.relief.platform;

import java.time.LocalDate;

/**
 * Something about a patient a clinician must see before the visit: a safety answer, a dose over a
 * threshold, a missed follow-up.
 *
 * @param code stable for programs, e.g. {@code phq9-item-9}
 * @param title a few words, e.g. "PHQ-9 item 9 answered 1 or more"
 * @param detail one or two sentences with the figures and what the rule asks; no names
 * @param since the day the finding was made or the state began; {@code null} when it has none
 * @param source where the rule comes from, e.g. {@code clinical-rules.md §3.6}, marked "unconfirmed
 *     — confirm locally" when the value is a setting the practice has not confirmed
 */
public record RedFlag(String code, String title, String detail, LocalDate since, String source) {}
