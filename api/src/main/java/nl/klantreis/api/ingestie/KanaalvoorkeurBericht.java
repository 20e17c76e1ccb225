package nl.klantreis.api.ingestie;

import java.time.Instant;

/**
 * {@code nl.overheid.klantinteracties.kanaalvoorkeur-vastgelegd}.
 *
 * @param kanaal          the kanaal code the sent code or alias resolved to
 * @param kanaalOntvangen the kanaal exactly as sent
 * @param onderwerp       nullable zaaktype code: absent means for everything
 */
public record KanaalvoorkeurBericht(String source, String id, String type, KlantIdentificatie klant, String kanaal,
                                    String kanaalOntvangen, String onderwerp, Instant vastgelegdOp)
        implements Bericht {
}
