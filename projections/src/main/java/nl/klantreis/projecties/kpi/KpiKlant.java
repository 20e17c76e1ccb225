package nl.klantreis.projecties.kpi;

import java.util.List;
import java.util.Objects;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.klantreis.Contactgegevens;
import nl.klantreis.domein.klantreis.Zaakgegevens;

/**
 * Everything known of one klant, as input to {@link Kpiberekening}: the klantreizen are derived
 * from these facts at the peilmoment, so the caller passes all of them, whatever their time.
 *
 * @param anoniem   an anonymous klant: each contact is a klantreis of its own
 * @param contacten all his klantcontacten
 * @param zaken     the zaken he initiated, with {@code afgeslotenOp} or null while open
 */
public record KpiKlant(KlantId klant, boolean anoniem, List<Contactgegevens> contacten, List<Zaakgegevens> zaken) {
    public KpiKlant {
        Objects.requireNonNull(klant, "klant");
        contacten = contacten == null ? List.of() : List.copyOf(contacten);
        zaken = zaken == null ? List.of() : List.copyOf(zaken);
    }
}
