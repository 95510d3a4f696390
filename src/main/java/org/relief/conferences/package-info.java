/**
 * Spine-surgeon case conferences: scheduling with attendees, nominating a patient with the question
 * to answer, the case packet Relief assembles from the other modules, the structured recommendation
 * with dissent by name, the resulting actions, and the follow-through at the next conference.
 * {@link org.relief.conferences.CaseConferences} is the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Case conferences")
package org.relief.conferences;
