package nl.klantreis.api.audit;

import reactor.core.publisher.Mono;

/**
 * The Logboek Dataverwerkingen: {@link #leg(Verwerkingsverslag)} completes only once the
 * records are durably stored, so an answer built after it never leaves unlogged.
 *
 * <p>In a controller: read the data (off the event loop), then log, then answer:
 * <pre>{@code
 * return Gebruikers.huidige().flatMap(gebruiker -> Werkers.blokkerend(() -> lees(...))
 *         .flatMap(antwoord -> log.leg(new Verwerkingsverslag(gebruiker, Tracering.van(exchange),
 *                 "klantbeeld-inzien", Audits.KLANTCONTACT, Audits.PUBLIEKE_TAAK,
 *                 List.of(klantId), Audits.GETOOND)).thenReturn(antwoord)));
 * }</pre>
 * When the records cannot be stored the Mono fails with {@link AuditNietOpgeslagen}; the answer
 * is then never sent (the general error handling answers 503). The Mono completes on a Reactor
 * parallel thread: do no blocking work downstream of it.
 */
public interface Verwerkingslog {
    Mono<Void> leg(Verwerkingsverslag verslag);
}
