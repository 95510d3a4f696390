package org.relief.careers.matching;

/**
 * One requirement of a job checked against a specialist: met or a gap, and why.
 *
 * @param name what is asked, in the job's words ("Spinal cord stimulation")
 * @param kind what sort of requirement ("required procedure", "licence", ...)
 * @param met whether the specialist meets it
 * @param detail the parts the answer was made of ("needs 25 in the last year; you have 31: ...")
 */
public record RequirementCheck(String name, String kind, boolean met, String detail) {}
