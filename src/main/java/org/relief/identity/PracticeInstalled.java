package org.relief.identity;

/**
 * Published once, when Relief starts on an empty database and has created its first administrator.
 * Modules that bring demo data listen for it (only under the {@code demo} profile).
 */
public record PracticeInstalled(long adminUserId) {}
