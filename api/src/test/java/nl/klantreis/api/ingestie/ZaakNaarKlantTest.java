package nl.klantreis.api.ingestie;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.KoppelZaakAanKlant;
import nl.klantreis.domein.klant.MeldZaakAfgesloten;
import nl.klantreis.domein.zaak.ZaakUitkomst;

/** The Zaak -> Klant follow-up on its own: which command the Klant gets, and what the message counts as. */
class ZaakNaarKlantTest {
    private static final KlantId KLANT = new KlantId("bsn-0123456789abcdef");
    private static final ZaakId ZAAK = new ZaakId(UUID.fromString("8a6f0c1e-5b2d-4c3a-9e7f-112233445566"));
    private static final Versleuteld NUMMER = new Versleuteld("sleutel-klant-1", "geheim-bsn");
    private static final Instant GEREGISTREERD = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant AFGESLOTEN = Instant.parse("2026-03-20T15:30:00Z");

    private final List<Object> verstuurd = new ArrayList<>();

    private ZaakNaarKlant beleid(Afhandeling klantAntwoordt) {
        return new ZaakNaarKlant(opdracht -> {
            verstuurd.add(opdracht);
            return klantAntwoordt;
        });
    }

    private Afhandeling naRegistratie(ZaakNaarKlant beleid, ZaakUitkomst geregistreerd) {
        return beleid.naRegistratie(geregistreerd, KLANT, Identificatiesoort.BSN, NUMMER, ZAAK, "omgevingsvergunning",
                "balie", GEREGISTREERD);
    }

    @Test
    void registratie_koppeltDeZaakAanDeKlantVanDeInitiator() {
        Afhandeling afhandeling = naRegistratie(beleid(Afhandeling.NIEUW),
                new ZaakUitkomst(Afhandeling.NIEUW, KLANT, null));

        assertThat(afhandeling).isEqualTo(Afhandeling.NIEUW);
        assertThat(verstuurd).containsExactly(new KoppelZaakAanKlant(KLANT, Identificatiesoort.BSN, NUMMER, ZAAK,
                "omgevingsvergunning", "balie", GEREGISTREERD, null));
    }

    @Test
    void registratieNaAfsluiting_brengtDeAfsluitingMeeNaarDeKlant() {
        naRegistratie(beleid(Afhandeling.NIEUW), new ZaakUitkomst(Afhandeling.NIEUW, KLANT, AFGESLOTEN));

        assertThat(verstuurd).singleElement().isInstanceOfSatisfying(KoppelZaakAanKlant.class,
                koppeling -> assertThat(koppeling.afgeslotenOp()).isEqualTo(AFGESLOTEN));
    }

    @Test
    void bekendeRegistratie_koppeltToch_enTeltAlsNieuwAlleenAlsDeKoppelingNieuwIs() {
        assertThat(naRegistratie(beleid(Afhandeling.NIEUW), new ZaakUitkomst(Afhandeling.AL_BEKEND, KLANT, null)))
                .isEqualTo(Afhandeling.NIEUW);
        assertThat(naRegistratie(beleid(Afhandeling.AL_BEKEND), new ZaakUitkomst(Afhandeling.AL_BEKEND, KLANT, null)))
                .isEqualTo(Afhandeling.AL_BEKEND);
        assertThat(verstuurd).hasSize(2).allMatch(KoppelZaakAanKlant.class::isInstance);
    }

    @Test
    void nieuweRegistratie_teltAlsNieuw_ookAlsDeKlantDeKoppelingAlKende() {
        assertThat(naRegistratie(beleid(Afhandeling.AL_BEKEND), new ZaakUitkomst(Afhandeling.NIEUW, KLANT, null)))
                .isEqualTo(Afhandeling.NIEUW);
    }

    @Test
    void nieuweAfsluiting_wordtDeKlantVanDeInitiatorGemeld() {
        Afhandeling afhandeling = beleid(Afhandeling.NIEUW).naAfsluiting(ZAAK,
                new ZaakUitkomst(Afhandeling.NIEUW, KLANT, AFGESLOTEN));

        assertThat(afhandeling).isEqualTo(Afhandeling.NIEUW);
        assertThat(verstuurd).containsExactly(new MeldZaakAfgesloten(KLANT, ZAAK, AFGESLOTEN));
    }

    @Test
    void herhaaldeAfsluiting_meldtNiets() {
        Afhandeling afhandeling = beleid(Afhandeling.NIEUW).naAfsluiting(ZAAK,
                new ZaakUitkomst(Afhandeling.AL_BEKEND, KLANT, AFGESLOTEN));

        assertThat(afhandeling).isEqualTo(Afhandeling.AL_BEKEND);
        assertThat(verstuurd).isEmpty();
    }

    @Test
    void afsluitingVoorDeRegistratie_heeftNogGeenKlantOmTeMelden() {
        Afhandeling afhandeling = beleid(Afhandeling.NIEUW).naAfsluiting(ZAAK,
                new ZaakUitkomst(Afhandeling.NIEUW, null, AFGESLOTEN));

        assertThat(afhandeling).isEqualTo(Afhandeling.NIEUW);
        assertThat(verstuurd).isEmpty();
    }
}
