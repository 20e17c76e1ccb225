package nl.klantreis.bronnen;

import java.time.Instant;

/**
 * One queued thing to read from a source: "synchronise this zaak" or "synchronise this klantcontact". Every
 * notification is reduced to this when it arrives, whatever its resource ({@code status}, {@code rol},
 * {@code resultaat} all name their zaak as {@code hoofdObject}), because what the engine derives from a zaak
 * depends on the zaak's whole state, not on the one resource that changed.
 *
 * @param id           the queue row
 * @param soort        what {@code url} is
 * @param url          the zaak's or klantcontact's URL in the source API
 * @param kanaal       the notification's kanaal ({@code zaken}, {@code klantcontacten}), or the CloudEvent type
 * @param resource     the notification's resource ({@code zaak}, {@code status}, ...); {@code inlezen} for the
 *                     backfill
 * @param actie        the notification's actie ({@code create}, {@code update}, ...)
 * @param aanmaakdatum when the source made the notification; null for the backfill
 * @param pogingen     how many times it was tried before
 */
public record Melding(long id, Soort soort, String url, String kanaal, String resource, String actie,
                      Instant aanmaakdatum, int pogingen) {

    /** What a queued URL is, and so which {@link Synchronisatie} reads it. */
    public enum Soort {
        ZAAK, KLANTCONTACT;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
