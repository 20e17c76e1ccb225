package nl.klantreis.api.ingestie;

import java.util.HashMap;
import java.util.Map;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.domein.referentie.Zaaktype;
import nl.klantreis.domein.zaak.ZaakUitkomst;
import nl.klantreis.infrastructuur.privacy.Sleutel;
import nl.klantreis.infrastructuur.privacy.Versleuteling;

/**
 * What a {@link Bericht} may use while it becomes commands, for one attempt at one batch: the
 * batch's keys, its aggregates ({@link Batchaggregaten.Batch}) and the Zaak -> Klant policy. Collects which zaak belongs to which
 * klant, for the key ring once all messages are done.
 */
final class Omzetting {
    private final Klanten klanten;
    private final Sleutels sleutels;
    private final Versleuteling versleuteling;
    private final Batchaggregaten.Batch aggregaten;
    private final Catalogus catalogus;
    private final ZaakNaarKlant zaakNaarKlant;
    private final Map<ZaakId, KlantId> zaakKoppelingen = new HashMap<>();

    Omzetting(Klanten klanten, Sleutels sleutels, Versleuteling versleuteling, Batchaggregaten.Batch aggregaten,
              Catalogus catalogus) {
        this.klanten = klanten;
        this.sleutels = sleutels;
        this.versleuteling = versleuteling;
        this.aggregaten = aggregaten;
        this.catalogus = catalogus;
        this.zaakNaarKlant = new ZaakNaarKlant(this::stuur);
    }

    Klanten klanten() {
        return klanten;
    }

    /** Encrypted with the klant's key; {@code null} stays {@code null}. */
    Versleuteld voorKlant(KlantId klant, String tekst) {
        return versleutel(sleutels.klant(klant), tekst);
    }

    /** Encrypted with the zaak's key; {@code null} stays {@code null}. */
    Versleuteld voorZaak(ZaakId zaak, String tekst) {
        return versleutel(sleutels.zaak(zaak), tekst);
    }

    /** A zaaktype the keuring has found in the catalogue. */
    Zaaktype zaaktype(String code) {
        return catalogus.zaaktype(code).orElseThrow();
    }

    /** A command to a Klant. */
    Afhandeling stuur(Object opdracht) {
        return (Afhandeling) aggregaten.stuur(opdracht);
    }

    /** A command to a Zaak: its answer says what the initiator's Klant must hear ({@link #zaakNaarKlant()}). */
    ZaakUitkomst stuurNaarZaak(Object opdracht) {
        return (ZaakUitkomst) aggregaten.stuur(opdracht);
    }

    ZaakNaarKlant zaakNaarKlant() {
        return zaakNaarKlant;
    }

    /** The zaak's personal data is the klant's too: forgetting the klant must reach the zaak's key. */
    void zaakVanKlant(ZaakId zaak, KlantId klant) {
        zaakKoppelingen.put(zaak, klant);
    }

    /** The events every command of this attempt decided, handed to the unit of work's event store. */
    void publiceer() {
        aggregaten.publiceer();
    }

    Map<ZaakId, KlantId> zaakKoppelingen() {
        return zaakKoppelingen;
    }

    private Versleuteld versleutel(Sleutel sleutel, String tekst) {
        return tekst == null ? null : versleuteling.versleutel(sleutel, tekst);
    }
}
