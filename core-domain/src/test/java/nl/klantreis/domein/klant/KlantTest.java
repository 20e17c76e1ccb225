package nl.klantreis.domein.klant;

import static nl.klantreis.domein.klant.KlantOpdrachten.KLANT;
import static nl.klantreis.domein.klant.KlantOpdrachten.NUMMER;
import static nl.klantreis.domein.klant.KlantOpdrachten.eenKlantcontact;
import static nl.klantreis.domein.klant.KlantOpdrachten.eenZaakkoppeling;
import static nl.klantreis.domein.klant.KlantOpdrachten.kanaalvoorkeur;
import static nl.klantreis.domein.klant.KlantOpdrachten.koppel;
import static nl.klantreis.domein.klant.KlantOpdrachten.meldAfgesloten;
import static nl.klantreis.domein.klant.KlantOpdrachten.registreer;
import static nl.klantreis.domein.klantreis.Feiten.contactId;
import static nl.klantreis.domein.klantreis.Feiten.t;
import static nl.klantreis.domein.klantreis.Feiten.zaakId;
import static nl.klantreis.domein.klantreis.Volgorden.permutaties;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.RegelOvertreden;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klantreis.Dakkapel;
import nl.klantreis.domein.klantreis.Feitengenerator;
import nl.klantreis.domein.klantreis.Kanaalwissel;
import nl.klantreis.domein.klantreis.KlantreisRegels;
import nl.klantreis.domein.klantreis.Klantreissoort;
import nl.klantreis.domein.klantreis.Zaakgegevens;
import nl.klantreis.domein.testondersteuning.OpDeCommandbus;

class KlantTest {
    private FixtureConfiguration<Klant> fixture;

    @BeforeEach
    void nieuweFixture() {
        fixture = new AggregateTestFixture<>(Klant.class);
    }

    private static KlantreisId zaakreis(ZaakId zaak) {
        return KlantreisRegels.klantreisId(KLANT, Klantreissoort.ZAAK, zaak.toString());
    }

    /** A klantreis on an onderwerp is named after its first contact. */
    private static KlantreisId onderwerpreis(String onderwerp, KlantcontactId eerste) {
        return KlantreisRegels.klantreisId(KLANT, Klantreissoort.ONDERWERP, onderwerp + "/" + eerste);
    }

    private static KlantreisId vervolgreis(ZaakId zaak, KlantcontactId eerste) {
        return KlantreisRegels.klantreisId(KLANT, Klantreissoort.VERVOLG, zaak + "/" + eerste);
    }

    private static String stap(KlantcontactId contact) {
        return "klantcontact:" + contact;
    }

    private static String stap(ZaakId zaak) {
        return "zaak:" + zaak;
    }

    @Nested
    class RegistreerKlantcontactTest {

        @Test
        void eersteKlantcontact_schrijftKlantIn_startKlantreis_enDeeltContactIn() {
            KlantreisId reis = onderwerpreis("algemene-vraag", contactId(1));
            Versleuteld inhoud = new Versleuteld("sleutel-1", "geheime-inhoud");

            fixture.givenNoPriorActivity()
                    .when(eenKlantcontact().metId(1).op("2026-02-02T10:00:00+01:00").viaKanaal("telefoon")
                            .alsOntvangen("kcc").doorverwezenNaar("webformulier").doorMedewerker("kcc-test-7").bouw())
                    .expectEvents(
                            new KlantIngeschreven(KLANT, Identificatiesoort.BSN, NUMMER),
                            new KlantreisGestart(KLANT, reis, Klantreissoort.ONDERWERP, null, "algemene-vraag"),
                            new KlantcontactGeregistreerd(KLANT, contactId(1), t("2026-02-02T10:00:00+01:00"),
                                    "telefoon", "kcc", "inkomend", "algemene-vraag", null, "doorverwezen",
                                    "webformulier", null, "kcc-test-7", inhoud, 60),
                            new KlantcontactIngedeeld(KLANT, contactId(1), reis, null))
                    .expectResultMessagePayload(Afhandeling.NIEUW);
        }

        @Test
        void tweedeContactOpZelfdeOnderwerp_binnenVeertienDagen_komtInZelfdeKlantreis_metWarmeWissel() {
            var tweede = eenKlantcontact().metId(2).op("2026-02-05T10:00:00+01:00").viaKanaal("balie")
                    .vervolgOp(contactId(1));
            KlantreisId reis = onderwerpreis("algemene-vraag", contactId(1));

            fixture.givenCommands(eenKlantcontact().metId(1).op("2026-02-02T10:00:00+01:00").bouw())
                    .when(tweede.bouw())
                    .expectEvents(tweede.geregistreerd(),
                            new KlantcontactIngedeeld(KLANT, contactId(2), reis, null),
                            new KanaalGewisseld(KLANT, reis, stap(contactId(1)), stap(contactId(2)), "telefoon", "balie",
                                    t("2026-02-05T10:00:00+01:00"), true))
                    .expectResultMessagePayload(Afhandeling.NIEUW);
        }

        @Test
        void zelfdeKlantcontactNogmaals_isAlBekend_enLegtNietsVast() {
            fixture.givenCommands(eenKlantcontact().metId(1).bouw())
                    .when(eenKlantcontact().metId(1).bouw())
                    .expectNoEvents()
                    .expectResultMessagePayload(Afhandeling.AL_BEKEND);
        }

        @Test
        void zelfdeKlantcontactMetOpnieuwVersleuteldeInhoud_isAlBekend() {
            // a re-sent message is encrypted afresh: the cipher text differs, the fact does not
            fixture.givenCommands(eenKlantcontact().metId(1).bouw())
                    .when(eenKlantcontact().metId(1).metInhoud(new Versleuteld("sleutel-1", "anders-versleuteld")).bouw())
                    .expectNoEvents()
                    .expectResultMessagePayload(Afhandeling.AL_BEKEND);
        }

        @Test
        void zelfdeKlantcontactIdMetAndereGegevens_wordtGeweigerd() {
            fixture.givenCommands(eenKlantcontact().metId(1).viaKanaal("telefoon").bouw())
                    .when(eenKlantcontact().metId(1).viaKanaal("email").bouw())
                    .expectException(RegelOvertreden.class)
                    .expectNoEvents();
        }

        @Test
        void klantBekendMetBsn_contactMetKvk_wordtGeweigerd() {
            fixture.givenCommands(eenKlantcontact().metId(1).bouw())
                    .when(eenKlantcontact().metId(2).alsKvk().bouw())
                    .expectException(RegelOvertreden.class)
                    .expectNoEvents();
        }

        @Test
        void anoniemContact_isEenKlantreisVanZichzelf_zonderNummer() {
            KlantId anoniem = new KlantId("anoniem-c0000001");
            var chat = eenKlantcontact().anoniem(anoniem).metId(1).viaKanaal("chat").alsOntvangen("webchat");
            KlantreisId reis = KlantreisRegels.klantreisId(anoniem, Klantreissoort.ANONIEM, contactId(1).toString());
            KlantcontactGeregistreerd geregistreerd = chat.geregistreerd();

            fixture.givenNoPriorActivity()
                    .when(chat.bouw())
                    .expectEvents(new KlantIngeschreven(anoniem, Identificatiesoort.ANONIEM, null),
                            new KlantreisGestart(anoniem, reis, Klantreissoort.ANONIEM, null, "algemene-vraag"),
                            geregistreerd,
                            new KlantcontactIngedeeld(anoniem, contactId(1), reis, null));
            assertThat(geregistreerd.kanaalOntvangen()).isEqualTo("webchat");
        }

        @Test
        void orientatiecontact_verhuistNaarDeKlantreisVanDeZaak_alsDeZaakLaterWordtGekoppeld() {
            ZaakId zaak = zaakId(1);
            KlantreisId eerst = onderwerpreis("omgevingsvergunning", contactId(1));
            Instant geregistreerdOp = t("2026-03-04T20:31:10+01:00");

            fixture.givenCommands(eenKlantcontact().metId(1).op("2026-03-02T09:12:40+01:00").viaKanaal("telefoon")
                            .overOnderwerp("omgevingsvergunning").doorverwezenNaar("webformulier").bouw())
                    .when(eenZaakkoppeling().metId(zaak).vanZaaktype("omgevingsvergunning").viaKanaal("webformulier")
                            .geregistreerdOp("2026-03-04T20:31:10+01:00").bouw())
                    .expectEvents(
                            new KlantreisGestart(KLANT, zaakreis(zaak), Klantreissoort.ZAAK, zaak, null),
                            new ZaakAanKlantGekoppeld(KLANT, zaak, "omgevingsvergunning", "webformulier",
                                    geregistreerdOp, zaakreis(zaak)),
                            new KlantcontactIngedeeld(KLANT, contactId(1), zaakreis(zaak), eerst),
                            new KanaalGewisseld(KLANT, zaakreis(zaak), stap(contactId(1)), stap(zaak), "telefoon",
                                    "webformulier", geregistreerdOp, false),
                            new KlantreisVervallen(KLANT, eerst))
                    .expectResultMessagePayload(Afhandeling.NIEUW);
        }

        @Test
        void laatContactTussenTweeStappen_trektDeKanaalwisselIn_enLegtDeNieuweWisselsVast() {
            ZaakId zaak = zaakId(9); // never registered: its klantreis stays open
            KlantreisId reis = zaakreis(zaak);
            var laat = eenKlantcontact().metId(3).op("2026-02-02T10:00:00+01:00").viaKanaal("balie").overZaak(zaak);

            fixture.givenCommands(
                            eenKlantcontact().metId(1).op("2026-02-01T10:00:00+01:00").viaKanaal("telefoon")
                                    .overZaak(zaak).bouw(),
                            eenKlantcontact().metId(2).op("2026-02-03T10:00:00+01:00").viaKanaal("email")
                                    .overZaak(zaak).vervolgOp(contactId(1)).bouw())
                    .when(laat.bouw())
                    .expectEvents(
                            new KanaalwisselIngetrokken(KLANT, reis, stap(contactId(1)), stap(contactId(2)), "telefoon",
                                    "email", t("2026-02-03T10:00:00+01:00"), true),
                            laat.geregistreerd(),
                            new KlantcontactIngedeeld(KLANT, contactId(3), reis, null),
                            new KanaalGewisseld(KLANT, reis, stap(contactId(1)), stap(contactId(3)), "telefoon", "balie",
                                    t("2026-02-02T10:00:00+01:00"), false),
                            // contact 2 continues contact 1, not the balie visit before it: now cold
                            new KanaalGewisseld(KLANT, reis, stap(contactId(3)), stap(contactId(2)), "balie", "email",
                                    t("2026-02-03T10:00:00+01:00"), false));
        }

        @Test
        void laatContactDatOnderwerpreizenVerbindt_laatDeLatereKlantreisVervallen() {
            KlantreisId eerste = onderwerpreis("algemene-vraag", contactId(1));
            KlantreisId tweede = onderwerpreis("algemene-vraag", contactId(2));
            var brug = eenKlantcontact().metId(3).op("2026-02-12T10:00:00+01:00");

            fixture.givenCommands(eenKlantcontact().metId(1).op("2026-02-01T10:00:00+01:00").bouw(),
                            eenKlantcontact().metId(2).op("2026-02-20T10:00:00+01:00").bouw())
                    .when(brug.bouw())
                    .expectEvents(brug.geregistreerd(),
                            // in the order of the klantreis's steps
                            new KlantcontactIngedeeld(KLANT, contactId(3), eerste, null),
                            new KlantcontactIngedeeld(KLANT, contactId(2), eerste, tweede),
                            new KlantreisVervallen(KLANT, tweede));
        }
    }

    @Nested
    class KoppelZaakAanKlantTest {
        private final ZaakId zaak = zaakId(1);

        @Test
        void zaakVanNieuweKlant_schrijftInEnStartDeKlantreisVanDeZaak() {
            fixture.givenNoPriorActivity()
                    .when(eenZaakkoppeling().metId(zaak).bouw())
                    .expectEvents(new KlantIngeschreven(KLANT, Identificatiesoort.BSN, NUMMER),
                            new KlantreisGestart(KLANT, zaakreis(zaak), Klantreissoort.ZAAK, zaak, null),
                            new ZaakAanKlantGekoppeld(KLANT, zaak, "omgevingsvergunning", "webformulier",
                                    eenZaakkoppeling().feit().geregistreerdOp(), zaakreis(zaak)))
                    .expectResultMessagePayload(Afhandeling.NIEUW);
        }

        @Test
        void zaakMetAfgeslotenOp_koppeltEnBeeindigtDeKlantreisInEenKeer() {
            Instant afgeslotenOp = t("2026-03-01T12:00:00+01:00");

            fixture.givenNoPriorActivity()
                    .when(eenZaakkoppeling().metId(zaak).afgeslotenOp(afgeslotenOp).bouw())
                    .expectEvents(new KlantIngeschreven(KLANT, Identificatiesoort.BSN, NUMMER),
                            new KlantreisGestart(KLANT, zaakreis(zaak), Klantreissoort.ZAAK, zaak, null),
                            new ZaakAanKlantGekoppeld(KLANT, zaak, "omgevingsvergunning", "webformulier",
                                    eenZaakkoppeling().feit().geregistreerdOp(), zaakreis(zaak)),
                            new KlantreisBeeindigd(KLANT, zaakreis(zaak), zaak, afgeslotenOp))
                    .expectResultMessagePayload(Afhandeling.NIEUW);
        }

        @Test
        void zelfdeZaakNogmaals_isAlBekend() {
            fixture.givenCommands(eenZaakkoppeling().metId(zaak).bouw())
                    .when(eenZaakkoppeling().metId(zaak).bouw())
                    .expectNoEvents()
                    .expectResultMessagePayload(Afhandeling.AL_BEKEND);
        }

        @Test
        void zelfdeZaakNogmaalsMetAfsluiting_beeindigtAlleenDeKlantreis() {
            Instant afgeslotenOp = t("2026-03-01T12:00:00+01:00");

            fixture.givenCommands(eenZaakkoppeling().metId(zaak).bouw())
                    .when(eenZaakkoppeling().metId(zaak).afgeslotenOp(afgeslotenOp).bouw())
                    .expectEvents(new KlantreisBeeindigd(KLANT, zaakreis(zaak), zaak, afgeslotenOp))
                    .expectResultMessagePayload(Afhandeling.NIEUW);
        }

        @Test
        void zelfdeZaakMetAndereGegevens_wordtGeweigerd() {
            fixture.givenCommands(eenZaakkoppeling().metId(zaak).vanZaaktype("omgevingsvergunning").bouw())
                    .when(eenZaakkoppeling().metId(zaak).vanZaaktype("paspoort-aanvragen").bouw())
                    .expectException(RegelOvertreden.class)
                    .expectNoEvents();
        }

        @Test
        void zaakMetAnoniemeInitiator_wordtGeweigerd() {
            fixture.givenNoPriorActivity()
                    .when(eenZaakkoppeling().metId(zaak).anoniem().bouw())
                    .expectException(RegelOvertreden.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class MeldZaakAfgeslotenTest {
        private final ZaakId zaak = zaakId(1);
        private final Instant afgeslotenOp = t("2026-02-18T12:00:00+01:00");

        @Test
        void afsluiting_beeindigtDeKlantreisVanDeZaak() {
            fixture.givenCommands(eenZaakkoppeling().metId(zaak).bouw(),
                            eenKlantcontact().metId(1).op("2026-02-06T10:00:00+01:00").overZaak(zaak).bouw())
                    .when(meldAfgesloten(zaak, afgeslotenOp))
                    .expectEvents(new KlantreisBeeindigd(KLANT, zaakreis(zaak), zaak, afgeslotenOp))
                    .expectResultMessagePayload(Afhandeling.NIEUW);
        }

        @Test
        void afsluitingNogmaals_isAlBekend() {
            fixture.givenCommands(eenZaakkoppeling().metId(zaak).bouw(), meldAfgesloten(zaak, afgeslotenOp))
                    .when(meldAfgesloten(zaak, afgeslotenOp))
                    .expectNoEvents()
                    .expectResultMessagePayload(Afhandeling.AL_BEKEND);
        }

        @Test
        void afsluitingVanEenZaakDieNietVanDezeKlantIs_wordtGeweigerd() {
            fixture.givenCommands(eenZaakkoppeling().metId(zaak).bouw())
                    .when(meldAfgesloten(zaakId(2), afgeslotenOp))
                    .expectException(RegelOvertreden.class)
                    .expectNoEvents();
        }

        @Test
        void afsluiting_verplaatstContactenMeerDanVeertienDagenLater_naarEenVervolgklantreis() {
            // registered 02-01 via webformulier; closed 02-18 12:00; after-care ends 03-04 12:00
            KlantreisId vervolg = vervolgreis(zaak, contactId(2));

            fixture.givenCommands(eenZaakkoppeling().metId(zaak).geregistreerdOp("2026-02-01T10:00:00+01:00").bouw(),
                            eenKlantcontact().metId(1).op("2026-03-04T12:00:00+01:00").viaKanaal("telefoon")
                                    .overZaak(zaak).bouw(),
                            eenKlantcontact().metId(2).op("2026-03-10T10:00:00+01:00").viaKanaal("email")
                                    .overZaak(zaak).bouw())
                    .when(meldAfgesloten(zaak, afgeslotenOp))
                    .expectEvents(
                            new KanaalwisselIngetrokken(KLANT, zaakreis(zaak), stap(contactId(1)), stap(contactId(2)),
                                    "telefoon", "email", t("2026-03-10T10:00:00+01:00"), false),
                            new KlantreisGestart(KLANT, vervolg, Klantreissoort.VERVOLG, zaak, null),
                            new KlantreisBeeindigd(KLANT, zaakreis(zaak), zaak, afgeslotenOp),
                            new KlantcontactIngedeeld(KLANT, contactId(2), vervolg, zaakreis(zaak)))
                    .expectResultMessagePayload(Afhandeling.NIEUW);
        }

        @Test
        void contactLangNaAfsluiting_opentMeteenEenVervolgklantreis() {
            var laat = eenKlantcontact().metId(2).op("2026-04-10T10:00:00+02:00").overZaak(zaak);
            KlantreisId vervolg = vervolgreis(zaak, contactId(2));

            fixture.givenCommands(eenZaakkoppeling().metId(zaak).bouw(), meldAfgesloten(zaak, afgeslotenOp))
                    .when(laat.bouw())
                    .expectEvents(new KlantreisGestart(KLANT, vervolg, Klantreissoort.VERVOLG, zaak, null),
                            laat.geregistreerd(),
                            new KlantcontactIngedeeld(KLANT, contactId(2), vervolg, null));
        }
    }

    @Nested
    class LegKanaalvoorkeurVastTest {

        @Test
        void nieuweKanaalvoorkeur_schrijftKlantIn_enWordtVastgelegd() {
            LegKanaalvoorkeurVast opdracht = kanaalvoorkeur("email", "omgevingsvergunning");

            fixture.givenNoPriorActivity()
                    .when(opdracht)
                    .expectEvents(new KlantIngeschreven(KLANT, Identificatiesoort.BSN, NUMMER),
                            new KanaalvoorkeurVastgelegd(KLANT, "email", "omgevingsvergunning", opdracht.vastgelegdOp()))
                    .expectResultMessagePayload(Afhandeling.NIEUW);
        }

        @Test
        void kanaalvoorkeurVoorAlles_heeftGeenOnderwerp() {
            LegKanaalvoorkeurVast opdracht = kanaalvoorkeur("balie", null);

            fixture.givenCommands(eenKlantcontact().metId(1).bouw())
                    .when(opdracht)
                    .expectEvents(new KanaalvoorkeurVastgelegd(KLANT, "balie", null, opdracht.vastgelegdOp()));
        }

        @Test
        void zelfdeKanaalvoorkeurNogmaals_isAlBekend() {
            fixture.givenCommands(kanaalvoorkeur("email", "omgevingsvergunning"))
                    .when(kanaalvoorkeur("email", "omgevingsvergunning"))
                    .expectNoEvents()
                    .expectResultMessagePayload(Afhandeling.AL_BEKEND);
        }

        @Test
        void kanaalvoorkeurVanAnoniemeKlant_wordtGeweigerd() {
            fixture.givenNoPriorActivity()
                    .when(new LegKanaalvoorkeurVast(new KlantId("anoniem-c0000001"), Identificatiesoort.ANONIEM,
                            new Versleuteld("sleutel-1", "geheim"), "email", null, t("2026-02-01T09:00:00+01:00")))
                    .expectException(RegelOvertreden.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class VergeetKlantTest {
        private final Instant vergetenOp = t("2026-05-01T09:00:00+02:00");

        @Test
        void vergeten_legtKlantVergetenVast() {
            fixture.givenCommands(eenKlantcontact().metId(1).bouw())
                    .when(new VergeetKlant(KLANT, vergetenOp))
                    .expectEvents(new KlantVergeten(KLANT, vergetenOp))
                    .expectResultMessagePayload(Afhandeling.NIEUW);
        }

        @Test
        void nogmaalsVergeten_isAlBekend() {
            fixture.givenCommands(eenKlantcontact().metId(1).bouw(), new VergeetKlant(KLANT, vergetenOp))
                    .when(new VergeetKlant(KLANT, vergetenOp.plusSeconds(60)))
                    .expectNoEvents()
                    .expectResultMessagePayload(Afhandeling.AL_BEKEND);
        }

        @Test
        void contactNaVergeten_schrijftDeKlantOpnieuwIn() {
            var nieuw = eenKlantcontact().metId(2).op("2026-05-10T10:00:00+02:00").overOnderwerp("paspoort-aanvragen");
            KlantreisId reis = KlantreisRegels.klantreisId(new KlantId(KLANT.waarde() + "-1"), Klantreissoort.ONDERWERP,
                    "paspoort-aanvragen/" + contactId(2));

            fixture.givenCommands(eenKlantcontact().metId(1).bouw(), new VergeetKlant(KLANT, vergetenOp))
                    .when(nieuw.bouw())
                    .expectEvents(new KlantIngeschreven(KLANT, Identificatiesoort.BSN, NUMMER),
                            new KlantreisGestart(KLANT, reis, Klantreissoort.ONDERWERP, null, "paspoort-aanvragen"),
                            nieuw.geregistreerd(),
                            new KlantcontactIngedeeld(KLANT, contactId(2), reis, null))
                    .expectResultMessagePayload(Afhandeling.NIEUW);
        }

        @Test
        void vergeten_maaktElkeZaakVanHemLos_voordatHijVergetenIs() {
            ZaakId eigen = zaakId(1);
            ZaakId genoemd = zaakId(2);
            fixture.givenCommands(eenZaakkoppeling().metId(eigen).bouw(),
                            eenKlantcontact().metId(1).overZaak(genoemd).bouw())
                    .when(new VergeetKlant(KLANT, vergetenOp))
                    .expectEvents(new ZaakKoppelingVergeten(KLANT, eigen), new ZaakKoppelingVergeten(KLANT, genoemd),
                            new KlantVergeten(KLANT, vergetenOp))
                    .expectResultMessagePayload(Afhandeling.NIEUW);
        }

        @Test
        void contactNaVergeten_opHetZelfdeOnderwerp_binnenVeertienDagen_starttEenNieuweKlantreis() {
            // Without forgetting, contact 2 would join contact 1's klantreis (same onderwerp, 3 days later).
            var nieuw = eenKlantcontact().metId(2).op("2026-05-03T10:00:00+02:00").overOnderwerp("algemene-vraag");
            KlantreisId nieuweReis = KlantreisRegels.klantreisId(new KlantId(KLANT.waarde() + "-1"),
                    Klantreissoort.ONDERWERP, "algemene-vraag/" + contactId(2));
            assertThat(nieuweReis).isNotEqualTo(onderwerpreis("algemene-vraag", contactId(2)));

            fixture.givenCommands(eenKlantcontact().metId(1).op("2026-04-30T10:00:00+02:00")
                                    .overOnderwerp("algemene-vraag").bouw(),
                            new VergeetKlant(KLANT, vergetenOp))
                    .when(nieuw.bouw())
                    .expectEvents(new KlantIngeschreven(KLANT, Identificatiesoort.BSN, NUMMER),
                            new KlantreisGestart(KLANT, nieuweReis, Klantreissoort.ONDERWERP, null, "algemene-vraag"),
                            nieuw.geregistreerd(),
                            new KlantcontactIngedeeld(KLANT, contactId(2), nieuweReis, null))
                    .expectResultMessagePayload(Afhandeling.NIEUW);
        }

        @Test
        void oudeFeitenNaVergeten_zijnAlBekend_enKomenNietInZijnNieuweLeven() {
            var oudContact = eenKlantcontact().metId(1).op("2026-04-30T10:00:00+02:00");
            var oudeZaak = eenZaakkoppeling().metId(zaakId(1));
            fixture.givenCommands(oudContact.bouw(), oudeZaak.bouw(), new VergeetKlant(KLANT, vergetenOp))
                    .when(oudContact.bouw())
                    .expectNoEvents()
                    .expectResultMessagePayload(Afhandeling.AL_BEKEND);
            fixture.givenCommands(oudContact.bouw(), oudeZaak.bouw(), new VergeetKlant(KLANT, vergetenOp))
                    .when(meldAfgesloten(zaakId(1), t("2026-05-20T10:00:00+02:00")))
                    .expectNoEvents()
                    .expectResultMessagePayload(Afhandeling.AL_BEKEND);
            fixture.givenCommands(oudContact.bouw(), oudeZaak.bouw(), new VergeetKlant(KLANT, vergetenOp))
                    .when(oudeZaak.bouw())
                    .expectNoEvents()
                    .expectResultMessagePayload(Afhandeling.AL_BEKEND);
        }
    }

    /**
     * §1: "any delivery order gives the same result". The commands go through a real Axon command
     * bus and event store; the end state a reader folds from the events must not depend on the order.
     */
    @Nested
    class AfleveringInWillekeurigeVolgorde {

        @Test
        void dakkapel_inElkeToegestaneVolgorde_geeftDezelfdeEindstand() {
            Eindstand verwacht = dakkapelEindstand();
            List<Object> opdrachten = new ArrayList<>(Dakkapel.contacten().stream().map(KlantOpdrachten::registreer)
                    .map(Object.class::cast).toList());
            KoppelZaakAanKlant koppeling = koppel(Dakkapel.zaak());
            MeldZaakAfgesloten afsluiting = meldAfgesloten(Dakkapel.ZAAK, Dakkapel.AFGESLOTEN_OP);
            opdrachten.add(koppeling);
            opdrachten.add(afsluiting);

            int volgorden = 0;
            for (List<Object> volgorde : permutaties(opdrachten)) {
                if (volgorde.indexOf(afsluiting) < volgorde.indexOf(koppeling)) {
                    continue; // the ingestion tells the Klant of a closure only once the zaak is linked
                }
                assertThat(lever(volgorde)).as("volgorde %s", volgorde).isEqualTo(verwacht);
                volgorden++;
            }
            assertThat(volgorden).isEqualTo(60);
        }

        @Test
        void dakkapel_metAfsluitingVoorRegistratie_inElkeVolgorde_geeftDezelfdeEindstand() {
            Eindstand verwacht = dakkapelEindstand();
            List<Object> opdrachten = new ArrayList<>(Dakkapel.contacten().stream().map(KlantOpdrachten::registreer)
                    .map(Object.class::cast).toList());
            opdrachten.add(eenZaakkoppeling().van(Dakkapel.zaak()).afgeslotenOp(Dakkapel.AFGESLOTEN_OP).bouw());

            for (List<Object> volgorde : permutaties(opdrachten)) {
                assertThat(lever(volgorde)).as("volgorde %s", volgorde).isEqualTo(verwacht);
            }
        }

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {7L, 1234L, 99991L})
        void dakkapel_metDubbeleAfleveringen_geeftDezelfdeEindstand(long seed) {
            Random random = new Random(seed);
            Eindstand verwacht = dakkapelEindstand();
            List<Object> opdrachten = new ArrayList<>(Dakkapel.contacten().stream().map(KlantOpdrachten::registreer)
                    .map(Object.class::cast).toList());
            opdrachten.add(koppel(Dakkapel.zaak()));
            opdrachten.add(meldAfgesloten(Dakkapel.ZAAK, Dakkapel.AFGESLOTEN_OP));
            for (int i = 0; i < 20; i++) {
                List<Object> volgorde = schudMetDubbelen(opdrachten, random);
                assertThat(lever(volgorde)).as("volgorde %s", volgorde).isEqualTo(verwacht);
            }
        }

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {3L, 2026L, 424242L})
        void willekeurigeFeiten_inWillekeurigeVolgorde_gevenDeEindstandVolgensDeRegels(long seed) {
            Random random = new Random(seed);
            for (int geval = 0; geval < 25; geval++) {
                Feitengenerator.Gegenereerd feiten = Feitengenerator.genereer(random);
                Eindstand verwacht = Eindstand.volgens(
                        KlantreisRegels.deelIn(KLANT, feiten.contacten(), feiten.zaken(), false));
                List<Object> opdrachten = new ArrayList<>();
                feiten.contacten().forEach(c -> opdrachten.add(registreer(c)));
                for (Zaakgegevens zaak : feiten.zaken()) {
                    if (zaak.afgeslotenOp() != null && random.nextBoolean()) {
                        opdrachten.add(eenZaakkoppeling().van(zaak).afgeslotenOp(zaak.afgeslotenOp()).bouw());
                    } else {
                        opdrachten.add(koppel(zaak));
                        if (zaak.afgeslotenOp() != null) {
                            opdrachten.add(meldAfgesloten(zaak.zaak(), zaak.afgeslotenOp()));
                        }
                    }
                }
                for (int schudden = 0; schudden < 3; schudden++) {
                    List<Object> volgorde = schudMetDubbelen(opdrachten, random);
                    assertThat(lever(volgorde)).as("seed %d, geval %d, schudbeurt %d", seed, geval, schudden)
                            .isEqualTo(verwacht);
                }
            }
        }

        private Eindstand dakkapelEindstand() {
            KlantreisId reis = zaakreis(Dakkapel.ZAAK);
            Eindstand verwacht = Eindstand.volgens(
                    KlantreisRegels.deelIn(KLANT, Dakkapel.contacten(), List.of(Dakkapel.zaak()), false));
            // and concretely, as contract/examples/README.md states it
            assertThat(verwacht.klantreizen()).containsExactly(reis);
            assertThat(verwacht.indeling()).containsOnlyKeys(Dakkapel.ORIENTATIE, Dakkapel.AANVRAAG,
                    Dakkapel.STATUSNAVRAAG).allSatisfy((contact, klantreis) -> assertThat(klantreis).isEqualTo(reis));
            assertThat(verwacht.kanaalwissels()).containsExactlyInAnyOrder(
                    new Kanaalwissel(reis, stap(Dakkapel.ORIENTATIE), stap(Dakkapel.AANVRAAG), "telefoon",
                            "webformulier", t("2026-03-04T20:31:00+01:00"), true),
                    new Kanaalwissel(reis, stap(Dakkapel.ZAAK), stap(Dakkapel.STATUSNAVRAAG), "webformulier",
                            "telefoon", t("2026-03-16T10:05:00+01:00"), false));
            assertThat(verwacht.beeindigd()).containsExactly(Map.entry(reis, Dakkapel.AFGESLOTEN_OP));
            return verwacht;
        }

        /** Delivers the commands in this order to a fresh Klant; a re-delivery must be AL_BEKEND. */
        private Eindstand lever(List<Object> volgorde) {
            try (OpDeCommandbus<Klant> klant = new OpDeCommandbus<>(Klant.class)) {
                List<Object> gezien = new ArrayList<>();
                for (Object opdracht : volgorde) {
                    Afhandeling afhandeling = klant.stuur(opdracht);
                    if (gezien.contains(opdracht)) {
                        assertThat(afhandeling).as("nogmaals %s", opdracht).isEqualTo(Afhandeling.AL_BEKEND);
                    }
                    gezien.add(opdracht);
                }
                return Eindstand.vouw(klant.gebeurtenissen(KLANT));
            }
        }

        /**
         * Shuffles, keeps each closure after its zaak's link (as the ingestion sends it), and
         * re-delivers a few commands later on, as an at-least-once channel does.
         */
        private List<Object> schudMetDubbelen(List<Object> opdrachten, Random random) {
            List<Object> volgorde = new ArrayList<>(opdrachten);
            Collections.shuffle(volgorde, random);
            for (int i = 0; i < volgorde.size(); i++) {
                if (volgorde.get(i) instanceof MeldZaakAfgesloten melding) {
                    int koppeling = indexVanKoppeling(volgorde, melding.zaakId());
                    if (koppeling > i) {
                        Collections.swap(volgorde, i, koppeling);
                    }
                }
            }
            int dubbelen = random.nextInt(4);
            for (int d = 0; d < dubbelen; d++) {
                int bron = random.nextInt(volgorde.size());
                int doel = bron + 1 + random.nextInt(volgorde.size() - bron);
                volgorde.add(doel, volgorde.get(bron));
            }
            return volgorde;
        }

        private int indexVanKoppeling(List<Object> volgorde, ZaakId zaak) {
            for (int i = 0; i < volgorde.size(); i++) {
                if (volgorde.get(i) instanceof KoppelZaakAanKlant k && k.zaakId().equals(zaak)) {
                    return i;
                }
            }
            throw new IllegalStateException("geen koppeling voor " + zaak);
        }
    }
}
