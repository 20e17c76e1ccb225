package nl.klantreis.domein.zaak;

import nl.klantreis.domein.gedeeld.ZaakId;

/** Everything that happens to a Zaak, in the order the engine learned it. */
public sealed interface ZaakEvent permits ZaakGeregistreerd, ZaakstatusGezet, ZaakOpgeschort, ZaakHervat,
        ZaakVerlengd, ZaakAfgesloten, UiterlijkeEinddatumBepaald, ZaakfeitOnbruikbaar {
    ZaakId zaakId();
}
