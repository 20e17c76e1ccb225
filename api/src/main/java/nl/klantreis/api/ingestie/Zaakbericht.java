package nl.klantreis.api.ingestie;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.ZaakId;

/** A message about a zaak already registered: its commands go to that Zaak alone. */
sealed interface Zaakbericht extends Bericht permits StatusGezetBericht, ZaakOpgeschortBericht, ZaakHervatBericht,
        ZaakVerlengdBericht, ZaakAfgeslotenBericht {
    UUID zaakId();

    /** The message's free text, encrypted with the zaak's key; nullable. */
    String persoonlijkeTekst();

    @Override
    default void sleutels(Klanten klanten, Set<KlantId> klantsleutels, Set<ZaakId> zaaksleutels) {
        if (persoonlijkeTekst() != null) {
            zaaksleutels.add(new ZaakId(zaakId()));
        }
    }

    @Override
    default void aggregaten(Klanten klanten, List<String> ids) {
        ids.add(zaakId().toString());
    }
}
