/** The morning review: each clinician's Today page, the pre-visit summary and its one-page PDF. */
@org.springframework.modulith.ApplicationModule(displayName = "Morning review")
package org.relief.review;
