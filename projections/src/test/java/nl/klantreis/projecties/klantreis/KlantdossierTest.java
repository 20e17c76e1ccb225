package nl.klantreis.projecties.klantreis;

import static nl.klantreis.projecties.klantreis.Dakkapel.AANVRAAG;
import static nl.klantreis.projecties.klantreis.Dakkapel.ORIENTATIE;
import static nl.klantreis.projecties.klantreis.Dakkapel.ORIENTATIEREIS;
import static nl.klantreis.projecties.klantreis.Dakkapel.STATUSNAVRAAG;
import static nl.klantreis.projecties.klantreis.Dakkapel.ZAAK;
import static nl.klantreis.projecties.klantreis.Dakkapel.ZAAKREIS;
import static nl.klantreis.projecties.klantreis.Testklant.KLANT;
import static nl.klantreis.projecties.klantreis.Testklant.NUMMER;
import static nl.klantreis.domein.klantreis.Feiten.contactId;
import static nl.klantreis.projecties.klantreis.Testklant.eenKlantcontact;
import static nl.klantreis.projecties.klantreis.Testklant.inhoudVan;
import static nl.klantreis.domein.klantreis.Feiten.t;
import static nl.klantreis.projecties.klantreis.Testklant.zaakId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.KanaalGewisseld;
import nl.klantreis.domein.klant.KanaalwisselIngetrokken;
import nl.klantreis.domein.klant.KlantEvent;
import nl.klantreis.domein.klant.KlantreisGestart;
import nl.klantreis.domein.klantreis.Contactgegevens;
import nl.klantreis.domein.klantreis.Kanaalwissel;
import nl.klantreis.domein.klantreis.KlantreisRegels;
import nl.klantreis.domein.klantreis.Klantreissoort;
import nl.klantreis.domein.klantreis.Thema;
import nl.klantreis.domein.klantreis.Zaakgegevens;
import nl.klantreis.domein.zaak.ZaakHervat;
import nl.klantreis.infrastructuur.opslag.Eventserialisatie;

class KlantdossierTest {
    private static final Instant JUNI = t("2026-06-01T00:00:00Z");
    private static final Instant APRIL = t("2026-04-01T00:00:00Z");

    private static Klantdossier vouw(List<? extends KlantEvent> gebeurtenissen) {
        KlantreisLeesregels regels = new KlantreisLeesregels();
        Klantdossier dossier = null;
        for (KlantEvent gebeurd : gebeurtenissen) {
            String documentsleutel = regels.documentsleutel(gebeurd, gebeurd.klantId().toString());
            dossier = regels.pasToe(dossier, documentsleutel, gebeurd, Instant.EPOCH);
        }
        return dossier;
    }

    private static Klantdossier dakkapel() {
        return vouw(Dakkapel.gebeurtenissen());
    }

    @Nested
    class Dakkapelklant {

        @Test
        void deHandgeschrevenGebeurtenissen_zijnWatDeKlantVastlegt() {
            assertThat(KlantOpDeBus.gebeurtenissenNa(KLANT, Dakkapel.opdrachten().toArray()))
                    .containsExactlyElementsOf(Dakkapel.gebeurtenissen());
        }

        @Test
        void naAfsluiting_isDeKlantreisVanDeZaakBeeindigd_metVierStappenEnTweeWissels() {
            List<Klantreis> reizen = KlantreisWeergave.klantreizen(dakkapel(), JUNI);

            assertThat(reizen).hasSize(1);
            Klantreis reis = reizen.get(0);
            assertThat(reis.klantreisId()).isEqualTo(ZAAKREIS.toString());
            assertThat(reis.klantId()).isEqualTo(KLANT.waarde());
            assertThat(reis.thema()).isEqualTo(new Klantreis.Thema(ZAAK.toString(), null));
            assertThat(reis.status()).isEqualTo("beeindigd");
            assertThat(reis.gestartOp()).isEqualTo(t("2026-03-02T08:12:40Z"));
            assertThat(reis.beeindigdOp()).isEqualTo(t("2026-04-21T06:00:00Z"));
            assertThat(reis.stappen()).containsExactly(
                    new Klantreis.Stap("klantcontact", "telefoon", t("2026-03-02T08:12:40Z"), ORIENTATIE.toString(),
                            null, "doorverwezen"),
                    new Klantreis.Stap("klantcontact", "webformulier", t("2026-03-04T19:31:00Z"),
                            AANVRAAG.toString(), ZAAK.toString(), "zaak-gestart"),
                    new Klantreis.Stap("zaak-geregistreerd", "webformulier", t("2026-03-04T19:31:10Z"), null,
                            ZAAK.toString(), null),
                    new Klantreis.Stap("klantcontact", "telefoon", t("2026-03-16T09:05:00Z"),
                            STATUSNAVRAAG.toString(), ZAAK.toString(), "beantwoord"));
            assertThat(reis.kanaalwissels()).containsExactly(
                    new Klantreis.Kanaalwissel("telefoon", "webformulier", t("2026-03-04T19:31:00Z"), true),
                    new Klantreis.Kanaalwissel("webformulier", "telefoon", t("2026-03-16T09:05:00Z"), false));
        }

        @Test
        void voorDeAfsluiting_isDeKlantreisLopend_zonderEinde() {
            Klantreis reis = KlantreisWeergave.klantreis(dakkapel(), ZAAKREIS, APRIL).orElseThrow();

            assertThat(reis.status()).isEqualTo("lopend");
            assertThat(reis.beeindigdOp()).isNull();
            assertThat(reis.stappen()).hasSize(4);
            assertThat(reis.kanaalwissels()).hasSize(2);
        }

        @Test
        void opHetMomentVanAfsluiten_isDeKlantreisBeeindigd() {
            Instant afgeslotenOp = t("2026-04-21T06:00:00Z");

            assertThat(KlantreisWeergave.klantreis(dakkapel(), ZAAKREIS, afgeslotenOp).orElseThrow().status())
                    .isEqualTo("beeindigd");
            assertThat(KlantreisWeergave.klantreis(dakkapel(), ZAAKREIS, afgeslotenOp.minusSeconds(1))
                    .orElseThrow().status()).isEqualTo("lopend");
        }

        @Test
        void terugInDeTijd_toontAlleenDeStappenEnWisselsDieToenGebeurdWaren() {
            Klantreis reis = KlantreisWeergave.klantreis(dakkapel(), ZAAKREIS, t("2026-03-10T00:00:00Z"))
                    .orElseThrow();

            assertThat(reis.stappen()).extracting(Klantreis.Stap::op).containsExactly(
                    t("2026-03-02T08:12:40Z"), t("2026-03-04T19:31:00Z"), t("2026-03-04T19:31:10Z"));
            assertThat(reis.kanaalwissels()).containsExactly(
                    new Klantreis.Kanaalwissel("telefoon", "webformulier", t("2026-03-04T19:31:00Z"), true));
            assertThat(reis.status()).isEqualTo("lopend");
        }

        @Test
        void voorDeEersteStap_bestondDeKlantreisNogNiet() {
            Instant ervoor = t("2026-03-02T08:12:39Z");

            assertThat(KlantreisWeergave.klantreizen(dakkapel(), ervoor)).isEmpty();
            assertThat(KlantreisWeergave.klantreis(dakkapel(), ZAAKREIS, ervoor)).isEmpty();
        }

        @Test
        void deVervallenKlantreisVanDeOrientatie_bestaatNietMeer_maarBlijftVindbaarVoorHetVerleden() {
            Klantdossier dossier = dakkapel();

            assertThat(dossier.reis(ORIENTATIEREIS)).isEmpty();
            assertThat(KlantreisWeergave.klantreis(dossier, ORIENTATIEREIS, JUNI)).isEmpty();
            assertThat(dossier.vervallenKlantreizen()).containsExactly(ORIENTATIEREIS);
            // Found by its id, the dossier can show it as it was before the zaak took it in.
            assertThat(new KlantreisLeesregels().zoeksleutels(dossier))
                    .containsExactly(ZAAKREIS.toString(), ORIENTATIEREIS.toString());
        }

        @Test
        void hetDossier_bewaartAlleFeitenZoalsDeGebeurtenissenZeGeven() {
            Klantdossier dossier = dakkapel();

            assertThat(dossier.klantId()).isEqualTo(KLANT.waarde());
            assertThat(dossier.soort()).isEqualTo(Identificatiesoort.BSN);
            assertThat(dossier.nummer()).isEqualTo(NUMMER);
            assertThat(dossier.contacten()).containsExactly(
                    new Klantdossier.Contact(ORIENTATIE, t("2026-03-02T08:12:40Z"), "telefoon", "telefoon", "inkomend",
                            "omgevingsvergunning", null, "doorverwezen", "webformulier", null, "kcc-medewerker-17",
                            inhoudVan(ORIENTATIE), 312, ZAAKREIS),
                    new Klantdossier.Contact(AANVRAAG, t("2026-03-04T19:31:00Z"), "webformulier", "webformulier",
                            "inkomend", "omgevingsvergunning", ZAAK, "zaak-gestart", null, ORIENTATIE, null, null,
                            null, ZAAKREIS),
                    new Klantdossier.Contact(STATUSNAVRAAG, t("2026-03-16T09:05:00Z"), "telefoon", "telefoon",
                            "inkomend", "status-navraag", ZAAK, "beantwoord", null, null, null, null, 190, ZAAKREIS));
            assertThat(dossier.zaken()).containsExactly(new Klantdossier.Zaak(ZAAK, "omgevingsvergunning",
                    "webformulier", t("2026-03-04T19:31:10Z"), t("2026-04-21T06:00:00Z"), ZAAKREIS));
            assertThat(dossier.klantreizen()).containsExactly(new Klantdossier.Reis(ZAAKREIS, Klantreissoort.ZAAK,
                    Thema.zaak(ZAAK), List.of(ORIENTATIE, AANVRAAG, STATUSNAVRAAG), ZAAK, t("2026-04-21T06:00:00Z")));
            assertThat(dossier.kanaalwissels()).containsExactly(
                    new Kanaalwissel(ZAAKREIS, "klantcontact:" + ORIENTATIE, "klantcontact:" + AANVRAAG, "telefoon",
                            "webformulier", t("2026-03-04T19:31:00Z"), true),
                    new Kanaalwissel(ZAAKREIS, "zaak:" + ZAAK, "klantcontact:" + STATUSNAVRAAG, "webformulier",
                            "telefoon", t("2026-03-16T09:05:00Z"), false));
            assertThat(dossier.isVergeten()).isFalse();
        }

        @Test
        void contactfeitenEnZaakfeiten_zijnDeFeitenVoorDeKpiRekening() {
            Klantdossier dossier = dakkapel();

            assertThat(dossier.contactgegevens()).containsExactly(
                    new Contactgegevens(ORIENTATIE, t("2026-03-02T08:12:40Z"), "telefoon", "omgevingsvergunning", null,
                            "doorverwezen", null),
                    new Contactgegevens(AANVRAAG, t("2026-03-04T19:31:00Z"), "webformulier", "omgevingsvergunning", ZAAK,
                            "zaak-gestart", ORIENTATIE),
                    new Contactgegevens(STATUSNAVRAAG, t("2026-03-16T09:05:00Z"), "telefoon", "status-navraag", ZAAK,
                            "beantwoord", null));
            assertThat(dossier.zaakgegevens()).containsExactly(new Zaakgegevens(ZAAK, "omgevingsvergunning", "webformulier",
                    t("2026-03-04T19:31:10Z"), t("2026-04-21T06:00:00Z")));
        }

        @Test
        void wijzigingenVanDeGebeurtenissen_zijnWatDeRegelsUitDeFeitenAfleiden() {
            Klantdossier dossier = dakkapel();

            assertThat(dossier.indelingen()).isEqualTo(
                    KlantreisRegels.deelIn(KLANT, dossier.contactgegevens(), dossier.zaakgegevens(), false));
        }
    }

    @Nested
    class KlantreisZonderZaak {
        private final KlantreisId reis = KlantreisRegels.klantreisId(KLANT, Klantreissoort.ONDERWERP,
                "parkeervergunning/" + contactId(1));

        private Klantdossier tweeContacten() {
            return vouw(KlantOpDeBus.gebeurtenissenNa(KLANT,
                    eenKlantcontact().metId(1).op("2026-03-13T10:00:00+01:00").overOnderwerp("parkeervergunning")
                            .bouw(),
                    eenKlantcontact().metId(2).op("2026-03-20T10:00:00+01:00").viaKanaal("email")
                            .overOnderwerp("parkeervergunning").bouw()));
        }

        @Test
        void eindigtVeertienKalenderdagenNaHetLaatsteContact_ookOverDeZomertijd() {
            // 2026-03-20 10:00 CET + 14 calendar days = 2026-04-03 10:00 CEST = 08:00Z (not 09:00Z)
            Instant einde = t("2026-04-03T08:00:00Z");

            Klantreis opHetEinde = KlantreisWeergave.klantreis(tweeContacten(), reis, einde).orElseThrow();
            Klantreis erna = KlantreisWeergave.klantreis(tweeContacten(), reis, einde.plusSeconds(1)).orElseThrow();

            assertThat(opHetEinde.status()).isEqualTo("lopend");
            assertThat(opHetEinde.beeindigdOp()).isNull();
            assertThat(erna.status()).isEqualTo("beeindigd");
            assertThat(erna.beeindigdOp()).isEqualTo(einde);
            assertThat(erna.thema()).isEqualTo(new Klantreis.Thema(null, "parkeervergunning"));
            assertThat(erna.kanaalwissels()).containsExactly(
                    new Klantreis.Kanaalwissel("telefoon", "email", t("2026-03-20T09:00:00Z"), false));
        }

        @Test
        void terugInDeTijd_teltAlleenHetContactDatToenAlWasGeweest() {
            Klantreis reisOpDeNegentiende = KlantreisWeergave.klantreis(tweeContacten(), reis,
                    t("2026-03-19T00:00:00Z")).orElseThrow();
            Klantreis reisOpDeDertigste = KlantreisWeergave.klantreis(tweeContacten(), reis,
                    t("2026-03-30T00:00:00Z")).orElseThrow();

            assertThat(reisOpDeNegentiende.stappen()).hasSize(1);
            assertThat(reisOpDeNegentiende.kanaalwissels()).isEmpty();
            assertThat(reisOpDeNegentiende.status()).isEqualTo("lopend");
            assertThat(reisOpDeDertigste.stappen()).hasSize(2);
            assertThat(reisOpDeDertigste.status()).isEqualTo("lopend");
        }

        @Test
        void anoniemContact_isEenKlantreisDieVeertienDagenLaterEindigt() {
            KlantcontactId chat = KlantcontactId.van("a1b2c3d4-0000-4000-8000-000000000044");
            KlantId anoniem = new KlantId("anoniem-" + chat);
            Klantdossier dossier = vouw(KlantOpDeBus.gebeurtenissenNa(anoniem, eenKlantcontact().anoniem(anoniem)
                    .metId(chat).op("2026-03-05T13:00:00+01:00").viaKanaal("chat").bouw()));

            assertThat(KlantreisWeergave.klantreizen(dossier, JUNI)).singleElement().satisfies(reis -> {
                assertThat(reis.klantId()).isEqualTo(anoniem.waarde());
                assertThat(reis.klantreisId()).isEqualTo(
                        KlantreisRegels.klantreisId(anoniem, Klantreissoort.ANONIEM, chat.toString()).toString());
                assertThat(reis.thema()).isEqualTo(new Klantreis.Thema(null, "algemene-vraag"));
                assertThat(reis.status()).isEqualTo("beeindigd");
                assertThat(reis.beeindigdOp()).isEqualTo(t("2026-03-19T12:00:00Z"));
            });
        }

        @Test
        void vervolgreisNaDeNazorg_eindigtAlsEenKlantreisZonderZaak() {
            List<Object> opdrachten = new ArrayList<>(Dakkapel.opdrachten());
            opdrachten.add(eenKlantcontact().metId(9).op("2026-05-10T10:00:00+02:00").overZaak(ZAAK)
                    .overOnderwerp("status-navraag").bouw());
            Klantdossier dossier = vouw(KlantOpDeBus.gebeurtenissenNa(KLANT, opdrachten.toArray()));
            KlantreisId vervolg = KlantreisRegels.klantreisId(KLANT, Klantreissoort.VERVOLG, ZAAK + "/" + contactId(9));

            Klantreis opDeVijftiende = KlantreisWeergave.klantreis(dossier, vervolg, t("2026-05-15T00:00:00Z"))
                    .orElseThrow();
            Klantreis inJuni = KlantreisWeergave.klantreis(dossier, vervolg, JUNI).orElseThrow();

            assertThat(opDeVijftiende.thema()).isEqualTo(new Klantreis.Thema(ZAAK.toString(), null));
            assertThat(opDeVijftiende.status()).isEqualTo("lopend");
            assertThat(inJuni.status()).isEqualTo("beeindigd");
            assertThat(inJuni.beeindigdOp()).isEqualTo(t("2026-05-24T08:00:00Z"));
            assertThat(KlantreisWeergave.klantreizen(dossier, JUNI)).extracting(Klantreis::klantreisId)
                    .containsExactly(ZAAKREIS.toString(), vervolg.toString());
        }
    }

    @Nested
    class Correcties {
        private final ZaakId zaak = zaakId(9); // never registered: its klantreis stays open
        private final KlantreisId reis = KlantreisRegels.klantreisId(KLANT, Klantreissoort.ZAAK, zaak.toString());

        private List<Object> tweeContacten() {
            return List.of(
                    eenKlantcontact().metId(1).op("2026-02-01T10:00:00+01:00").viaKanaal("telefoon").overZaak(zaak)
                            .bouw(),
                    eenKlantcontact().metId(2).op("2026-02-03T10:00:00+01:00").viaKanaal("email").overZaak(zaak)
                            .vervolgOp(contactId(1)).bouw());
        }

        @Test
        void eenIngetrokkenKanaalwissel_verdwijnt() {
            List<Object> opdrachten = new ArrayList<>(tweeContacten());
            Klantreis ervoor = KlantreisWeergave.klantreis(
                    vouw(KlantOpDeBus.gebeurtenissenNa(KLANT, opdrachten.toArray())), reis, JUNI).orElseThrow();
            opdrachten.add(eenKlantcontact().metId(3).op("2026-02-02T10:00:00+01:00").viaKanaal("balie")
                    .overZaak(zaak).bouw());
            List<KlantEvent> gebeurtenissen = KlantOpDeBus.gebeurtenissenNa(KLANT, opdrachten.toArray());

            Klantreis erna = KlantreisWeergave.klantreis(vouw(gebeurtenissen), reis, JUNI).orElseThrow();

            assertThat(gebeurtenissen).filteredOn(KanaalwisselIngetrokken.class::isInstance).hasSize(1);
            assertThat(ervoor.kanaalwissels()).containsExactly(
                    new Klantreis.Kanaalwissel("telefoon", "email", t("2026-02-03T09:00:00Z"), true));
            assertThat(erna.kanaalwissels()).containsExactly(
                    new Klantreis.Kanaalwissel("telefoon", "balie", t("2026-02-02T09:00:00Z"), false),
                    new Klantreis.Kanaalwissel("balie", "email", t("2026-02-03T09:00:00Z"), false));
            assertThat(erna.stappen()).extracting(Klantreis.Stap::kanaal)
                    .containsExactly("telefoon", "balie", "email");
            assertThat(erna.status()).isEqualTo("lopend");
        }

        @Test
        void eenIngetrokkenKanaalwissel_herkentDeWisselAanKlantreisEnStappen() {
            KanaalGewisseld gewisseld = new KanaalGewisseld(KLANT, reis, "klantcontact:" + contactId(1),
                    "klantcontact:" + contactId(2), "telefoon", "email", t("2026-02-03T09:00:00Z"), true);
            List<KlantEvent> gebeurtenissen = new ArrayList<>(KlantOpDeBus.gebeurtenissenNa(KLANT,
                    tweeContacten().toArray()));
            assertThat(gebeurtenissen).contains(gewisseld);
            gebeurtenissen.add(new KanaalwisselIngetrokken(KLANT, reis, gewisseld.vanStap(), gewisseld.naarStap(),
                    gewisseld.van(), gewisseld.naar(), gewisseld.op(), gewisseld.warm()));

            assertThat(vouw(gebeurtenissen).kanaalwissels()).isEmpty();
        }
    }

    @Nested
    class Idempotentie {

        @Test
        void elkeGebeurtenisTweemaal_geeftHetzelfdeDossier() throws Exception {
            List<KlantEvent> dubbel = new ArrayList<>();
            Dakkapel.gebeurtenissen().forEach(gebeurd -> {
                dubbel.add(gebeurd);
                dubbel.add(gebeurd);
            });

            assertThat(json(vouw(dubbel))).isEqualTo(json(dakkapel()));
            for (Instant peilmoment : List.of(APRIL, JUNI)) {
                assertThat(KlantreisWeergave.klantreizen(vouw(dubbel), peilmoment))
                        .isEqualTo(KlantreisWeergave.klantreizen(dakkapel(), peilmoment));
            }
        }

        @Test
        void alleGebeurtenissenNogmaals_geeftHetzelfdeDossier() throws Exception {
            List<KlantEvent> tweemaal = new ArrayList<>(Dakkapel.gebeurtenissen());
            tweemaal.addAll(Dakkapel.gebeurtenissen());

            assertThat(json(vouw(tweemaal))).isEqualTo(json(dakkapel()));
        }

        @Test
        void eenLateHerhalingVanDeStart_laatDeKlantreisZoalsHijIs() {
            List<KlantEvent> gebeurtenissen = new ArrayList<>(Dakkapel.gebeurtenissen());
            gebeurtenissen.add(new KlantreisGestart(KLANT, ZAAKREIS, Klantreissoort.ZAAK, ZAAK, null));

            assertThat(vouw(gebeurtenissen).klantreizen()).isEqualTo(dakkapel().klantreizen());
        }
    }

    @Nested
    class Opslag {
        private final ObjectMapper mapper = Eventserialisatie.objectMapper();

        @Test
        void hetDossierDoorJacksonEnTerug_geeftDezelfdeWeergaven() throws Exception {
            Klantdossier dossier = dakkapel();

            Klantdossier gelezen = mapper.readValue(mapper.writeValueAsString(dossier), Klantdossier.class);

            for (Instant peilmoment : List.of(t("2026-03-10T00:00:00Z"), APRIL, JUNI)) {
                assertThat(KlantreisWeergave.klantreizen(gelezen, peilmoment))
                        .isEqualTo(KlantreisWeergave.klantreizen(dossier, peilmoment));
            }
            assertThat(gelezen.contactgegevens()).isEqualTo(dossier.contactgegevens());
            assertThat(gelezen.zaakgegevens()).isEqualTo(dossier.zaakgegevens());
            assertThat(gelezen.klantreizen()).isEqualTo(dossier.klantreizen());
            assertThat(gelezen.kanaalwissels()).isEqualTo(dossier.kanaalwissels());
            assertThat(json(gelezen)).isEqualTo(json(dossier));
        }

        @Test
        void hetDossier_bewaartIdsAlsTekstEnTijdenAlsRfc3339() throws Exception {
            JsonNode json = mapper.valueToTree(dakkapel());

            assertThat(json.get("klantId").asText()).isEqualTo(KLANT.waarde());
            JsonNode contact = json.get("contacten").get(0);
            assertThat(contact.get("klantcontactId").isTextual()).isTrue();
            assertThat(contact.get("klantcontactId").asText()).isEqualTo(ORIENTATIE.toString());
            assertThat(contact.get("plaatsgevondenOp").asText()).isEqualTo("2026-03-02T08:12:40Z");
            assertThat(contact.get("klantreisId").asText()).isEqualTo(ZAAKREIS.toString());
            assertThat(contact.has("zaakId")).as("NON_NULL").isFalse();
            assertThat(json.get("klantreizen").get(0).get("thema").get("zaakId").asText()).isEqualTo(ZAAK.toString());
        }

        @Test
        void deLeesregels_sleutelenOpDeKlant() {
            KlantreisLeesregels regels = new KlantreisLeesregels();

            assertThat(regels.naam()).isEqualTo("klantreis");
            assertThat(regels.documenttype()).isEqualTo(Klantdossier.class);
            assertThat(Dakkapel.gebeurtenissen()).allSatisfy(gebeurd ->
                    assertThat(regels.documentsleutel(gebeurd, KLANT.waarde())).isEqualTo(KLANT.waarde()));
            assertThat(regels.documentsleutel(new ZaakHervat(ZAAK, t("2026-03-18T08:30:00Z"), null), ZAAK.toString())).isNull();
            assertThat(regels.documentsleutel("iets anders", "x")).isNull();
            assertThat(regels.eigenaar(dakkapel())).isEqualTo(KLANT.waarde());
        }

        @Test
        void eenGebeurtenisVanEenAnderLeesmodel_laatHetDossierOngemoeid() throws Exception {
            KlantreisLeesregels regels = new KlantreisLeesregels();
            Klantdossier dossier = dakkapel();
            String ervoor = json(dossier);

            regels.pasToe(dossier, KLANT.waarde(), new ZaakHervat(ZAAK, t("2026-03-18T08:30:00Z"), null),
                    Instant.EPOCH);

            assertThat(json(dossier)).isEqualTo(ervoor);
        }
    }

    @Nested
    class Weergavevorm {

        /** The two ways the api may write it: the store's mapper, and a plain one as Spring Boot configures it. */
        private List<ObjectMapper> mappers() {
            return List.of(Eventserialisatie.objectMapper(), new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
        }

        @Test
        void eenKlantreis_heeftDeVeldenVanHetContract() {
            Klantreis lopend = KlantreisWeergave.klantreis(dakkapel(), ZAAKREIS, APRIL).orElseThrow();

            for (ObjectMapper mapper : mappers()) {
                JsonNode json = mapper.valueToTree(lopend);
                assertThat(json.fieldNames()).toIterable().containsExactly("klantreisId", "klantId", "thema", "status",
                        "gestartOp", "beeindigdOp", "stappen", "kanaalwissels");
                assertThat(json.get("beeindigdOp").isNull()).as("lopend: null, maar aanwezig").isTrue();
                assertThat(json.get("thema").fieldNames()).toIterable().containsExactly("zaakId");
                assertThat(json.get("gestartOp").asText()).isEqualTo("2026-03-02T08:12:40Z");
                assertThat(json.get("stappen").get(0).fieldNames()).toIterable()
                        .containsExactly("soort", "kanaal", "op", "klantcontactId", "resultaat");
                assertThat(json.get("stappen").get(2).fieldNames()).toIterable()
                        .containsExactly("soort", "kanaal", "op", "zaakId");
                assertThat(json.get("stappen").get(2).get("soort").asText()).isEqualTo("zaak-geregistreerd");
                assertThat(json.get("kanaalwissels").get(0).fieldNames()).toIterable()
                        .containsExactly("van", "naar", "op", "warm");
            }
        }
    }

    private static String json(Klantdossier dossier) throws Exception {
        return Eventserialisatie.objectMapper().writeValueAsString(dossier);
    }
}
