package nl.klantreis.api.leesmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;
import static org.axonframework.messaging.responsetypes.ResponseTypes.optionalInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;

import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.projecties.klantbeeld.KlantbeeldAntwoord;
import nl.klantreis.projecties.klantbeeld.KlantbeeldVraag;
import nl.klantreis.projecties.klantreis.Klantreis;
import nl.klantreis.projecties.klantreis.KlantreisVraag;
import nl.klantreis.projecties.klantreis.KlantreizenAntwoord;
import nl.klantreis.projecties.klantreis.KlantreizenVraag;
import nl.klantreis.projecties.leesmodel.Documentlezer;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;
import nl.klantreis.projecties.mijnzaken.MijnZakenAntwoord;
import nl.klantreis.projecties.mijnzaken.MijnZakenVraag;
import nl.klantreis.projecties.tijd.Tijdas;
import nl.klantreis.projecties.mijnzaken.Zaakdetail;
import nl.klantreis.projecties.mijnzaken.ZaakdetailVraag;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;

/**
 * The read models on real PostgreSQL, fed by the real ingestion and processors, asserted through
 * the query handlers: the dakkapel example's klantreis, MijnZaken and klantbeeld; and a rebuild
 * without downtime that ends in exactly the live state.
 */
class LeesmodelIntegratieTest {
    private static final Instant NA_AFLOOP = Instant.parse("2026-06-01T00:00:00Z");
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();

    @Test
    void dakkapel_mijnZaken_klantreis_enKlantbeeld() {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "leesmodel");
        stuur(kopie);
        engine.wachtOpLeesmodellen();
        KlantId klant = engine.bean(Pseudoniemen.class).voor(Identificatiesoort.BSN, kopie.bsn());
        ZaakId zaak = new ZaakId(kopie.zaakId());

        MijnZakenAntwoord mijnZaken = engine.vraag(new MijnZakenVraag(klant, NA_AFLOOP, Tijdas.GEBEURD),
                instanceOf(MijnZakenAntwoord.class));
        assertThat(mijnZaken.zaken()).singleElement().satisfies(kaart -> {
            assertThat(kaart.identificatie()).isEqualTo("ZAAK-2026-0000123");
            assertThat(kaart.omschrijving()).isEqualTo("Dakkapel aan de achterzijde");
            assertThat(kaart.beslissingUiterlijk()).isEqualTo(LocalDate.of(2026, 5, 8));
            assertThat(kaart.afgesloten().resultaat()).isEqualTo("toegekend");
        });

        Optional<Zaakdetail> detail = engine.vraag(new ZaakdetailVraag(zaak, klant, NA_AFLOOP, Tijdas.GEBEURD),
                optionalInstanceOf(Zaakdetail.class));
        assertThat(detail).hasValueSatisfying(d -> {
            assertThat(d.statussen()).extracting(s -> s.code() + " " + s.stap())
                    .containsExactly("ontvangen 1", "aanvulling-gevraagd 2", "in-behandeling 3", "besluit-genomen 4");
            assertThat(d.statussen().get(1).tekst()).isEqualTo("Wij missen een bouwtekening van de achtergevel.");
            assertThat(d.opschortingen()).singleElement().satisfies(o -> {
                assertThat(o.van()).isEqualTo(Instant.parse("2026-03-09T10:00:00Z"));
                assertThat(o.tot()).isEqualTo(Instant.parse("2026-03-18T08:30:00Z"));
            });
            assertThat(d.klantcontacten()).extracting(c -> c.kanaal() + " " + c.onderwerp())
                    .contains("telefoon status-navraag");
        });
        KlantId ander = engine.bean(Pseudoniemen.class).voor(Identificatiesoort.BSN, Voorbeelden.geldigBsn(new java.util.Random(5)));
        assertThat(engine.vraag(new ZaakdetailVraag(zaak, ander, NA_AFLOOP, Tijdas.GEBEURD),
                optionalInstanceOf(Zaakdetail.class))).as("een ander zijn zaak bestaat niet voor hem").isEmpty();

        KlantreizenAntwoord reizen = engine.vraag(new KlantreizenVraag(klant, NA_AFLOOP, Tijdas.GEBEURD), instanceOf(KlantreizenAntwoord.class));
        assertThat(reizen.klantreizen()).singleElement().satisfies(reis -> {
            assertThat(reis.status()).isEqualTo("beeindigd");
            assertThat(reis.stappen()).extracting(s -> s.soort() + " " + s.kanaal()).containsExactly(
                    "klantcontact telefoon", "klantcontact webformulier", "zaak-geregistreerd webformulier",
                    "klantcontact telefoon");
            assertThat(reis.kanaalwissels()).extracting(w -> w.van() + "->" + w.naar() + " " + w.warm())
                    .containsExactly("telefoon->webformulier true", "webformulier->telefoon false");
        });
        Klantreis reis = reizen.klantreizen().get(0);
        assertThat(engine.vraag(new KlantreisVraag(new KlantreisId(java.util.UUID.fromString(reis.klantreisId())), NA_AFLOOP, Tijdas.GEBEURD),
                optionalInstanceOf(Klantreis.class))).contains(reis);

        // Before the zaak was registered, the orientation call was a klantreis of its own (about the
        // onderwerp); it lapsed when the zaak took it in. Asked for by its id as it was then, it is
        // found; asked for now, it no longer exists.
        Instant voorDeZaak = reis.stappen().get(2).op().minusSeconds(1);
        KlantreizenAntwoord toen = engine.vraag(new KlantreizenVraag(klant, voorDeZaak, Tijdas.GEBEURD),
                instanceOf(KlantreizenAntwoord.class));
        Klantreis vervallen = toen.klantreizen().stream().filter(r -> !r.klantreisId().equals(reis.klantreisId()))
                .findFirst().orElseThrow();
        assertThat(vervallen.thema().onderwerp()).isEqualTo("omgevingsvergunning");
        assertThat(vervallen.stappen()).extracting(s -> s.kanaal()).containsExactly("telefoon");
        KlantreisId vervallenId = new KlantreisId(java.util.UUID.fromString(vervallen.klantreisId()));
        assertThat(engine.vraag(new KlantreisVraag(vervallenId, voorDeZaak, Tijdas.GEBEURD),
                optionalInstanceOf(Klantreis.class))).contains(vervallen);
        assertThat(engine.vraag(new KlantreisVraag(vervallenId, NA_AFLOOP, Tijdas.GEBEURD),
                optionalInstanceOf(Klantreis.class))).isEmpty();

        KlantbeeldAntwoord beeld = engine.vraag(new KlantbeeldVraag(klant, Instant.parse("2026-04-01T00:00:00Z"), Tijdas.GEBEURD),
                instanceOf(KlantbeeldAntwoord.class));
        assertThat(beeld.klantbeeld()).satisfies(b -> {
            assertThat(b.bsn()).isEqualTo(kopie.bsn());
            assertThat(b.openZaken()).hasSize(1);
            assertThat(b.recenteContacten()).extracting(c -> c.kanaal()).containsExactly("telefoon", "webformulier", "telefoon");
            assertThat(b.lopendeKlantreizen()).hasSize(1);
        });
    }

    @Test
    void herbouw_terwijlHetLeesmodelBlijftDienen_eindigtInPreciesDeLiveToestand() {
        for (int i = 0; i < 5; i++) {
            stuur(Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "herbouw-" + i));
        }
        engine.wachtOpLeesmodellen();
        Projectiebeheer beheer = engine.bean(Projectiebeheer.class);
        for (String naam : beheer.namen()) {
            Documentlezer<Object> lezer = new Documentlezer<>(beheer, naam, engine.database());
            String oudeTabel = beheer.actieveTabel(naam);
            String live = lezer.controlegetal();
            long aantal = lezer.aantal();
            int oud = beheer.voortgang(naam).actieveGeneratie();

            int nieuw = beheer.herbouw(naam);
            // The live generation keeps answering while the new one is built.
            assertThat(lezer.aantal()).isEqualTo(aantal);
            Instant tot = Instant.now().plus(Duration.ofMinutes(2));
            while ((beheer.voortgang(naam).actieveGeneratie() != nieuw || beheer.actieveTabel(naam).equals(oudeTabel))
                    && Instant.now().isBefore(tot)) {
                slaap(100);
            }
            assertThat(beheer.voortgang(naam).actieveGeneratie()).as("herbouw van %s neemt over", naam).isEqualTo(nieuw);
            assertThat(beheer.actieveTabel(naam)).isNotEqualTo(oudeTabel);
            assertThat(lezer.controlegetal()).as("herbouw van %s gelijk aan live", naam).isEqualTo(live)
                    .isEqualTo(lezer.controlegetal(oudeTabel));
            assertThat(nieuw).isEqualTo(oud + 1);
        }
    }

    private static void stuur(Voorbeelden.Kopie kopie) {
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(Voorbeelden.alsBatch(kopie.berichten())).exchange().expectStatus().isOk();
    }

    private static void slaap(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
