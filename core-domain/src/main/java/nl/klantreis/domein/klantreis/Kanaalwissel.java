package nl.klantreis.domein.klantreis;

import java.time.Instant;

import nl.klantreis.domein.gedeeld.KlantreisId;

/**
 * Two consecutive steps of a klantreis in different kanalen. Identified by the klantreis and the
 * two steps; {@code op} is when the later step happened.
 */
public record Kanaalwissel(KlantreisId klantreisId, String vanStap, String naarStap, String van, String naar,
                           Instant op, boolean warm) {
}
