package nl.klantreis.domein.zaak;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;

/** The zaak was closed with a resultaat; {@code toelichting} is the text for the klant, encrypted. */
@Revision("1")
public record ZaakAfgesloten(ZaakId zaakId, Instant afgeslotenOp, String resultaat, Versleuteld toelichting)
        implements ZaakEvent {
}
