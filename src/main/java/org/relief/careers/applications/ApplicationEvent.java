package org.relief.careers.applications;

import java.time.Instant;

/** A stage change or a note on an application, with who and when. */
public record ApplicationEvent(
    long id, boolean stageChange, Stage stage, String note, long byUser, Instant at) {}
