/**
 * The instrument library: definitions and scoring of the pain, function and mood questionnaires the
 * practice uses (clinical-rules.md §3). {@link org.relief.assessments.Instruments} is the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessments")
package org.relief.assessments;
