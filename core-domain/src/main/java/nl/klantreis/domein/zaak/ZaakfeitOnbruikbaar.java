package nl.klantreis.domein.zaak;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.ZaakId;

/**
 * A fact that arrived before its zaak turned out not to fit the zaak's zaaktype (a statustype of
 * another zaaktype, an opschorting or verlenging it does not allow, an unknown resultaat). It
 * is not applied, and kept visible for operators rather than silently dropped.
 *
 * @param feit    the kind of fact, stored as its code (status-gezet, zaak-opgeschort, ...)
 * @param code    the statustype, resultaat or duration concerned, if any
 * @param op      when the fact happened
 */
@Revision("1")
public record ZaakfeitOnbruikbaar(ZaakId zaakId, Zaakfeitsoort feit, String code, Instant op, String reden)
        implements ZaakEvent {
}
