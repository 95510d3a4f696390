/**
 * Outcomes: whether each procedure brought relief. Keeps its own read model of procedure episodes
 * and follow-up answers from {@code ProcedurePerformed} and the follow-up events, and turns it into
 * per-episode results (NRS change, responders after clinical-rules.md §3.15, ODI/NDI change against
 * MCID, PGIC, MME before and after) and practice analytics (responder rates with Wilson 95 %
 * intervals and follow-up completeness).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outcomes")
package org.relief.outcomes;
