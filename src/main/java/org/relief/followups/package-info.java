/**
 * Follow-ups: the schedules instantiated for each performed procedure, patient diaries, reminders,
 * and the evening work-list. Announces {@link org.relief.followups.FollowUpAnswered} and {@link
 * org.relief.followups.FollowUpMissed} for the outcomes module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Follow-ups")
package org.relief.followups;
