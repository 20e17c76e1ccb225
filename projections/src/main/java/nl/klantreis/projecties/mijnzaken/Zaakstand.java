package nl.klantreis.projecties.mijnzaken;

import java.util.Objects;

/**
 * A zaak's detail with the position (global event index) of the dossier it was rendered from:
 * the answer to a {@link ZaakdetailVraag} for whoever needs to know whether it changed (the
 * live updates use the position as the event id, rising with every change). Ask the query bus
 * for {@code optionalInstanceOf(Zaakstand.class)}; {@code optionalInstanceOf(Zaakdetail.class)}
 * gives the same detail without the position.
 */
public record Zaakstand(Zaakdetail detail, long positie) {
    public Zaakstand {
        Objects.requireNonNull(detail, "detail");
    }
}
