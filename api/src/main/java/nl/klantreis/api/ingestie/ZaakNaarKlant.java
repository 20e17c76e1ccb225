package nl.klantreis.api.ingestie;

import java.time.Instant;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.KoppelZaakAanKlant;
import nl.klantreis.domein.klant.MeldZaakAfgesloten;
import nl.klantreis.domein.zaak.ZaakUitkomst;

/**
 * The Zaak -> Klant follow-up: what the initiator's Klant must hear after a command to a Zaak.
 * The two aggregates are apart (a klant's reis spans many zaken, ADR 0003), so the Zaak's answer
 * ({@link ZaakUitkomst}) says what happened and this policy sends the Klant's command in the same
 * unit of work. Nothing else: the Zaak's other messages (status, opschorting, verlenging) stay
 * with the Zaak.
 */
final class ZaakNaarKlant {
    /** Sends one command to the Klant aggregate and waits for what it did. */
    @FunctionalInterface
    interface Afzender {
        Afhandeling stuur(Object opdracht);
    }

    private final Afzender klant;

    ZaakNaarKlant(Afzender klant) {
        this.klant = klant;
    }

    /**
     * After RegistreerZaak: the zaak is linked to its initiator's Klant whatever the registration
     * did (the Klant knows itself whether it had the link), with the closure when the Zaak already
     * had one: a closure can arrive before its registration.
     *
     * @return {@code NIEUW} when the registration or the link stored something
     */
    Afhandeling naRegistratie(ZaakUitkomst geregistreerd, KlantId initiator, Identificatiesoort soort,
                             Versleuteld nummer, ZaakId zaak, String zaaktype, String kanaal,
                             Instant geregistreerdOp) {
        Afhandeling gekoppeld = klant.stuur(new KoppelZaakAanKlant(initiator, soort, nummer, zaak, zaaktype, kanaal,
                geregistreerdOp, geregistreerd.afgeslotenOp()));
        return geregistreerd.afhandeling() == Afhandeling.NIEUW ? Afhandeling.NIEUW : gekoppeld;
    }

    /**
     * After SluitZaakAf: the initiator's Klant hears of a closure that is new; a resend tells it
     * nothing again, and a zaak not yet registered has no initiator to tell (the registration
     * brings the closure along, see {@link #naRegistratie}).
     *
     * @return what the closure did
     */
    Afhandeling naAfsluiting(ZaakId zaak, ZaakUitkomst afgesloten) {
        if (afgesloten.afhandeling() == Afhandeling.NIEUW && afgesloten.initiator() != null) {
            klant.stuur(new MeldZaakAfgesloten(afgesloten.initiator(), zaak, afgesloten.afgeslotenOp()));
        }
        return afgesloten.afhandeling();
    }
}
