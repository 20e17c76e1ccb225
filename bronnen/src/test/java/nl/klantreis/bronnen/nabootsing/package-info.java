/**
 * A stand-in for Open Zaak, Open Klant and Open Notificaties that tests start in their own process, shaped and
 * checked by the published OpenAPI specifications (resources {@code nabootsing/specificaties}), so the adapter is
 * tested against what the real systems send and cannot drift from it.
 *
 * <pre>{@code
 * try (Nabootsing n = Nabootsing.start().zgwClient("klantreis", geheim).token(token)) {
 *     Dakkapelverhaal verhaal = Dakkapelverhaal.bouw(n.wereld());      // or n.wereld().genereer(10_000, 1)
 *     Bronconfiguratie c = Bronconfiguratie.lees(stream(Dakkapelverhaal.CONFIGURATIE), "dakkapel",
 *             Dakkapelverhaal.omgeving(Map.of("NABOOTSING", n.basis(), "ZGW_SECRET", geheim,
 *                     "OPENKLANT_TOKEN", token, "NOTIFICATIES_AUTORISATIE", auth)), catalogus, kanalen);
 *     for (ObjectNode melding : verhaal.notificaties()) {
 *         new Notificatieverzender().verstuur(callback, auth, melding);
 *     }
 *     n.fout(503, 2); n.weg(verhaal.zaakUrl(), 410); n.verzoeken("/zaken/api/v1/zaken");
 * }   // close() fails the test if any answer did not fit its specification
 * }</pre>
 *
 * <p>Test code only (bronnen's test-jar, used by api's and replay-tools' tests too); a module using it needs
 * {@code com.networknt:json-schema-validator} as a test dependency of its own.
 */
package nl.klantreis.bronnen.nabootsing;
