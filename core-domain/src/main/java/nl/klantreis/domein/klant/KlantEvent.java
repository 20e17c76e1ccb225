package nl.klantreis.domein.klant;

import nl.klantreis.domein.gedeeld.KlantId;

/** Everything that happens to a Klant, in the order the engine learned it. */
public sealed interface KlantEvent permits KlantIngeschreven, KlantcontactGeregistreerd, ZaakAanKlantGekoppeld,
        KlantreisGestart, KlantcontactIngedeeld, KlantreisVervallen, KlantreisBeeindigd, KanaalGewisseld,
        KanaalwisselIngetrokken, KanaalvoorkeurVastgelegd, ZaakKoppelingVergeten, KlantVergeten {
    KlantId klantId();
}
