/**
 * Sources the municipalities already run, connected by configuration only: Open Zaak (Zaken and Catalogi API)
 * and Open Klant 2 (Klantinteracties API), told about changes by Open Notificaties.
 *
 * <p>The way through: a ZGW notification (or one of Open Zaak's NL GOV CloudEvents) is answered at once and
 * kept as a {@link nl.klantreis.bronnen.Melding} in PostgreSQL; a worker later claims it, and a
 * {@link nl.klantreis.bronnen.Synchronisatie} fetches what it points at (notifications are informatiearm) and
 * turns the source's state into CloudEvents of the ingestion contract, with ids derived from the resource URL
 * and what happened, so a re-delivered notification or a re-fetched resource is a {@code duplicate}. Those
 * go through the engine's own ingestion, so validation, deduplication, order independence and encryption are
 * the same as for a system that sends CloudEvents itself.
 *
 * <p>Nothing here knows Spring's web layer or the engine's ingestion classes: the engine (api) wires the
 * endpoint and the worker, the tools (replay-tools) use the same classes for the abonnement, the backfill and
 * the dead letters.
 */
package nl.klantreis.bronnen;
