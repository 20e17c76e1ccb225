package nl.klantreis.domein.zaak;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.ZaakId;

/**
 * The uiterlijke einddatum as far as it is fixed: registration, verlengingen and ended
 * opschortingen. While {@code opgeschortSinds} is set the date moves on with every day of the
 * running opschorting, which readers add up to their peilmoment.
 */
@Revision("1")
public record UiterlijkeEinddatumBepaald(ZaakId zaakId, LocalDate uiterlijkeEinddatum, LocalDate basis,
                                         int verlengingDagen, int opschortingDagen, Instant opgeschortSinds)
        implements ZaakEvent {
}
