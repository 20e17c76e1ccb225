package nl.klantreis.api.ingestie;

import java.util.Map;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.infrastructuur.privacy.Sleutel;

/** The keys of one batch: those of the klanten and zaken its messages' personal fields are encrypted with. */
record Sleutels(Map<KlantId, Sleutel> klanten, Map<ZaakId, Sleutel> zaken) {
    static final Sleutels GEEN = new Sleutels(Map.of(), Map.of());

    Sleutel klant(KlantId id) {
        return klanten.get(id);
    }

    Sleutel zaak(ZaakId id) {
        return zaken.get(id);
    }
}
