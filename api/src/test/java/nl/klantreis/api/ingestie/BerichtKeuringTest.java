package nl.klantreis.api.ingestie;

import static nl.klantreis.api.ingestie.BerichtBouwer.NU;
import static nl.klantreis.api.ingestie.BerichtBouwer.SOURCE;
import static nl.klantreis.api.ingestie.BerichtBouwer.TEST_BSN;
import static nl.klantreis.api.ingestie.BerichtBouwer.TEST_KVK;
import static nl.klantreis.api.ingestie.BerichtBouwer.ZAAK_ID;
import static nl.klantreis.api.ingestie.BerichtBouwer.eenKanaalvoorkeur;
import static nl.klantreis.api.ingestie.BerichtBouwer.eenKlantcontact;
import static nl.klantreis.api.ingestie.BerichtBouwer.eenStatusGezet;
import static nl.klantreis.api.ingestie.BerichtBouwer.eenZaakAfgesloten;
import static nl.klantreis.api.ingestie.BerichtBouwer.eenZaakGeregistreerd;
import static nl.klantreis.api.ingestie.BerichtBouwer.eenZaakHervat;
import static nl.klantreis.api.ingestie.BerichtBouwer.eenZaakOpgeschort;
import static nl.klantreis.api.ingestie.BerichtBouwer.eenZaakVerlengd;
import static nl.klantreis.api.ingestie.BerichtKeuringFixture.keuringOp;
import static nl.klantreis.api.ingestie.BerichtKeuringFixture.pointers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BerichtKeuringTest {

    private final BerichtKeuring keuring = keuringOp(NU);

    private Beoordeling keur(BerichtBouwer bouwer) {
        return keuring.keur(0, bouwer.bouw());
    }

    /** The message is accepted and read into a record of the given kind. */
    private <T extends Bericht> T geldig(BerichtBouwer bouwer, Class<T> soort) {
        Beoordeling beoordeling = keur(bouwer);
        assertThat(beoordeling.fouten()).as("fouten").isEmpty();
        assertThat(beoordeling.geldig()).isTrue();
        assertThat(beoordeling.bericht()).isInstanceOf(soort);
        return soort.cast(beoordeling.bericht());
    }

    /** The message is rejected with exactly these pointers, each named once. */
    private Beoordeling afgewezenOp(BerichtBouwer bouwer, String... pointers) {
        Beoordeling beoordeling = keur(bouwer);
        assertThat(beoordeling.geldig()).isFalse();
        assertThat(beoordeling.bericht()).isNull();
        assertThat(pointers(beoordeling)).as("pointers van %s", beoordeling.fouten())
                .containsExactlyInAnyOrder(pointers);
        return beoordeling;
    }

    private String detail(BerichtBouwer bouwer, String pointer) {
        return keur(bouwer).fouten().stream().filter(f -> f.pointer().equals(pointer))
                .map(Fout::detail).findFirst().orElseThrow();
    }

    @Nested
    class Envelop {
        @Test
        void geldigBericht_draagtSourceIdEnTypeVanHetCloudEvent() {
            Beoordeling beoordeling = keuring.keur(7, eenStatusGezet().metAttribuut("id", "zs-status-1").bouw());

            assertThat(beoordeling.positie()).isEqualTo(7);
            assertThat(beoordeling.source()).isEqualTo(SOURCE);
            assertThat(beoordeling.id()).isEqualTo("zs-status-1");
            assertThat(beoordeling.type()).isEqualTo(StatusGezetBericht.TYPE);
            assertThat(beoordeling.bericht().source()).isEqualTo(SOURCE);
            assertThat(beoordeling.bericht().id()).isEqualTo("zs-status-1");
            assertThat(beoordeling.bericht().type()).isEqualTo(StatusGezetBericht.TYPE);
        }

        @Test
        void berichtDatGeenObjectIs_wordtGeweigerdOpDeWortel() {
            ObjectMapper json = new ObjectMapper();
            for (var bericht : List.of(json.createArrayNode(), json.getNodeFactory().textNode("hallo"),
                    json.getNodeFactory().nullNode())) {
                Beoordeling beoordeling = keuring.keur(0, bericht);
                assertThat(pointers(beoordeling)).containsExactly("");
                assertThat(beoordeling.source()).isNull();
            }
            assertThat(pointers(keuring.keur(0, null))).containsExactly("");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.3", "1", "1.0.0", ""})
        void specversion_moetPrecies10Zijn(String specversion) {
            afgewezenOp(eenStatusGezet().metAttribuut("specversion", specversion), "/specversion");
        }

        @Test
        void specversion_isVerplicht_enEenTekst() {
            afgewezenOp(eenStatusGezet().zonderAttribuut("specversion"), "/specversion");
            afgewezenOp(eenStatusGezet().metAttribuut("specversion", 1.0), "/specversion");
        }

        @Test
        void id_isEenVerplichteNietLegeTekst() {
            afgewezenOp(eenStatusGezet().zonderAttribuut("id"), "/id");
            afgewezenOp(eenStatusGezet().metAttribuut("id", null), "/id");
            afgewezenOp(eenStatusGezet().metAttribuut("id", ""), "/id");
            afgewezenOp(eenStatusGezet().metAttribuut("id", 42), "/id");
        }

        @Test
        void source_isEenVerplichteNietLegeUriReferentie() {
            afgewezenOp(eenStatusGezet().zonderAttribuut("source"), "/source");
            afgewezenOp(eenStatusGezet().metAttribuut("source", ""), "/source");
            afgewezenOp(eenStatusGezet().metAttribuut("source", 42), "/source");
            afgewezenOp(eenStatusGezet().metAttribuut("source", "kcc telefonie met spaties"), "/source");
            geldig(eenStatusGezet().metAttribuut("source", "/systemen/kcc"), StatusGezetBericht.class);
        }

        @Test
        void sourceEnIdDieGeenTekstZijn_wordenNietTeruggegeven() {
            Beoordeling beoordeling = keur(eenStatusGezet().metAttribuut("source", 1).metAttribuut("id", true));

            assertThat(beoordeling.source()).isNull();
            assertThat(beoordeling.id()).isNull();
            assertThat(beoordeling.type()).isEqualTo(StatusGezetBericht.TYPE);
        }

        @Test
        void onbekendType_wordtGeweigerd_zonderDeDataTeKeuren() {
            Beoordeling beoordeling = afgewezenOp(eenStatusGezet().metAttribuut("type", "nl.example.onbekend")
                    .metAttribuut("data", Map.of()), "/type");

            assertThat(beoordeling.fouten().get(0).detail()).contains("onbekend berichttype 'nl.example.onbekend'");
            assertThat(beoordeling.type()).isEqualTo("nl.example.onbekend");
        }

        @Test
        void type_isVerplicht_enEenTekst() {
            afgewezenOp(eenStatusGezet().zonderAttribuut("type"), "/type");
            afgewezenOp(eenStatusGezet().metAttribuut("type", 3), "/type");
        }

        @ParameterizedTest
        @MethodSource("nl.klantreis.api.ingestie.BerichtKeuringTest#alleTypen")
        void alleAchtTypen_zijnBekend(BerichtBouwer bouwer) {
            assertThat(keur(bouwer).fouten()).isEmpty();
        }

        @Test
        void time_isOptioneel_maarRfc3339MetTijdzone() {
            geldig(eenStatusGezet().zonderAttribuut("time"), StatusGezetBericht.class);
            geldig(eenStatusGezet().metAttribuut("time", "2026-03-20T10:59:00.123Z"), StatusGezetBericht.class);
            afgewezenOp(eenStatusGezet().metAttribuut("time", "2026-03-20T10:59:00"), "/time");
            afgewezenOp(eenStatusGezet().metAttribuut("time", "20-03-2026 10:59"), "/time");
            afgewezenOp(eenStatusGezet().metAttribuut("time", 1_773_999_999), "/time");
        }

        @Test
        void datacontenttype_isOptioneel_maarApplicationJson() {
            geldig(eenStatusGezet().zonderAttribuut("datacontenttype"), StatusGezetBericht.class);
            geldig(eenStatusGezet().metAttribuut("datacontenttype", "application/json; charset=utf-8"),
                    StatusGezetBericht.class);
            geldig(eenStatusGezet().metAttribuut("datacontenttype", "application/json;charset=utf-8"),
                    StatusGezetBericht.class);
            afgewezenOp(eenStatusGezet().metAttribuut("datacontenttype", "text/plain"), "/datacontenttype");
            afgewezenOp(eenStatusGezet().metAttribuut("datacontenttype", "application/jsonx"), "/datacontenttype");
            // the CloudEvents SDK reads only this spelling as JSON
            afgewezenOp(eenStatusGezet().metAttribuut("datacontenttype", "APPLICATION/JSON"), "/datacontenttype");
            afgewezenOp(eenStatusGezet().metAttribuut("datacontenttype", "application/xml"), "/datacontenttype");
            afgewezenOp(eenStatusGezet().metAttribuut("datacontenttype", 1), "/datacontenttype");
        }

        @Test
        void subject_isEenOptioneleTekst() {
            geldig(eenStatusGezet().metAttribuut("subject", "zaak ZAAK-2026-0000123"), StatusGezetBericht.class);
            afgewezenOp(eenStatusGezet().metAttribuut("subject", 12), "/subject");
        }

        @Test
        void subject_magGeenBsnZijn() {
            Beoordeling beoordeling = afgewezenOp(eenStatusGezet().metAttribuut("subject", TEST_BSN), "/subject");

            assertThat(beoordeling.fouten().get(0).detail()).doesNotContain(TEST_BSN);
        }

        @Test
        void data_isVerplicht_enEenJsonObject() {
            afgewezenOp(eenStatusGezet().zonderAttribuut("data"), "/data");
            afgewezenOp(eenStatusGezet().metAttribuut("data", null), "/data");
            afgewezenOp(eenStatusGezet().metAttribuut("data", List.of(1, 2)), "/data");
            afgewezenOp(eenStatusGezet().metAttribuut("data", "{\"zaakId\": \"x\"}"), "/data");
        }

        @Test
        void dataBase64_isNietToegestaan() {
            afgewezenOp(eenStatusGezet().metAttribuut("data_base64", "e30="), "/data_base64");
        }

        @Test
        void extensieAttributen_volgenDeCloudEventsRegels() {
            geldig(eenStatusGezet().metAttribuut("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                    .metAttribuut("sequence", 12).metAttribuut("herhaald", false), StatusGezetBericht.class);
            afgewezenOp(eenStatusGezet().metAttribuut("Trace-Parent", "x"), "/Trace-Parent");
            afgewezenOp(eenStatusGezet().metAttribuut("a/b", "x"), "/a~1b");
            afgewezenOp(eenStatusGezet().metAttribuut("extra", Map.of("genest", true)), "/extra");
            afgewezenOp(eenStatusGezet().metAttribuut("extra", 1.5), "/extra");
            geldig(eenStatusGezet().metAttribuut("traceparent", null), StatusGezetBericht.class);
        }

        @Test
        void envelopfouten_beletten_hetKeurenVanDeDataNiet() {
            afgewezenOp(eenStatusGezet().metAttribuut("specversion", "0.3").zonderAttribuut("id")
                    .met("zaakId", "geen-uuid"), "/specversion", "/id", "/data/zaakId");
        }
    }

    @Nested
    class Tijdstippen {
        @Test
        void tijdstipTotVijfMinutenInDeToekomst_wordtAanvaard() {
            BerichtKeuring keuring = keuringOp("2026-03-20T12:00:00Z");

            assertThat(keuring.keur(0, eenStatusGezet().met("datumStatusGezet", "2026-03-20T12:05:00Z").bouw())
                    .fouten()).isEmpty();
            assertThat(keuring.keur(0, eenStatusGezet().met("datumStatusGezet", "2026-03-20T13:05:00+01:00").bouw())
                    .fouten()).isEmpty();
        }

        @Test
        void tijdstipMeerDanVijfMinutenInDeToekomst_wordtGeweigerd() {
            BerichtKeuring keuring = keuringOp("2026-03-20T12:00:00Z");

            Beoordeling beoordeling = keuring.keur(0,
                    eenStatusGezet().met("datumStatusGezet", "2026-03-20T12:05:00.001Z").bouw());

            assertThat(pointers(beoordeling)).containsExactly("/data/datumStatusGezet");
            assertThat(beoordeling.fouten().get(0).detail()).contains("toekomst");
            assertThat(pointers(keuring.keur(0,
                    eenStatusGezet().met("datumStatusGezet", "2026-03-20T13:05:01+01:00").bouw())))
                    .containsExactly("/data/datumStatusGezet");
        }

        @Test
        void tijdstipInHetVerleden_wordtAanvaard_ookLaat() {
            geldig(eenStatusGezet().met("datumStatusGezet", "2019-01-01T00:00:00+01:00"), StatusGezetBericht.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-03-04T20:31:12", "2026-03-04", "2026-03-04T20:31+01:00", "2026-03-04 20:31:12+01:00",
                "2026-03-04T20:31:12+0100", "2026-03-32T20:31:12+01:00", "gisteren", ""})
        void tijdstip_moetRfc3339MetTijdzoneZijn(String tijdstip) {
            afgewezenOp(eenStatusGezet().met("datumStatusGezet", tijdstip), "/data/datumStatusGezet");
        }

        @Test
        void tijdstip_metKleineTenZ_isOokRfc3339() {
            geldig(eenStatusGezet().met("datumStatusGezet", "2026-03-04t20:31:12z").metAttribuut("time",
                    "2026-03-20t10:59:00z"), StatusGezetBericht.class);
        }

        @Test
        void tijdstipAlsGetal_wordtGeweigerd() {
            afgewezenOp(eenStatusGezet().met("datumStatusGezet", 1_772_652_672), "/data/datumStatusGezet");
        }

        @Test
        void tijdstip_wordtOpHetJuisteMomentGelezen() {
            StatusGezetBericht bericht = geldig(eenStatusGezet().met("datumStatusGezet", "2026-03-04T20:31:12.5+01:00"),
                    StatusGezetBericht.class);

            assertThat(bericht.datumStatusGezet()).isEqualTo(Instant.parse("2026-03-04T19:31:12.500Z"));
        }
    }

    @Nested
    class Klantcontact {
        @Test
        void geldigKlantcontact_wordtGelezen_metStandaardRichtingInkomend() {
            KlantcontactBericht bericht = geldig(eenKlantcontact(), KlantcontactBericht.class);

            assertThat(bericht.klantcontactId()).isEqualTo(UUID.fromString("0b7f2f7e-3a51-4bb9-9a53-2f6e7a0c1d11"));
            assertThat(bericht.plaatsgevondenOp()).isEqualTo(Instant.parse("2026-03-16T09:05:00Z"));
            assertThat(bericht.klant()).isEqualTo(new KlantIdentificatie(Identificatiesoort.BSN, TEST_BSN));
            assertThat(bericht.kanaal()).isEqualTo("telefoon");
            assertThat(bericht.richting()).isEqualTo("inkomend");
            assertThat(bericht.onderwerp()).isEqualTo("omgevingsvergunning");
            assertThat(bericht.resultaat()).isEqualTo("beantwoord");
            assertThat(bericht.zaakId()).isNull();
            assertThat(bericht.doorverwezenNaar()).isNull();
            assertThat(bericht.wasKlantcontact()).isNull();
            assertThat(bericht.medewerker()).isNull();
            assertThat(bericht.inhoud()).isNull();
            assertThat(bericht.duurSeconden()).isNull();
        }

        @Test
        void optioneleVelden_wordenGelezen() {
            KlantcontactBericht bericht = geldig(eenKlantcontact().met("richting", "uitgaand").met("zaakId", ZAAK_ID)
                    .met("wasKlantcontact", "6c1d7a52-0d8e-4e8b-a0f4-5d2a9b3c7e22").met("medewerker", "kcc-17")
                    .met("inhoud", "Belt terug over de bouwtekening.").met("duurSeconden", 312), KlantcontactBericht.class);

            assertThat(bericht.richting()).isEqualTo("uitgaand");
            assertThat(bericht.zaakId()).isEqualTo(UUID.fromString(ZAAK_ID));
            assertThat(bericht.wasKlantcontact()).isEqualTo(UUID.fromString("6c1d7a52-0d8e-4e8b-a0f4-5d2a9b3c7e22"));
            assertThat(bericht.medewerker()).isEqualTo("kcc-17");
            assertThat(bericht.inhoud()).isEqualTo("Belt terug over de bouwtekening.");
            assertThat(bericht.duurSeconden()).isEqualTo(312);
        }

        @ParameterizedTest
        @ValueSource(strings = {"klantcontactId", "plaatsgevondenOp", "klant", "kanaal", "onderwerp", "resultaat"})
        void verplichtVeld_datOntbreektOfNullIs_wordtGenoemd(String veld) {
            afgewezenOp(eenKlantcontact().zonder(veld), "/data/" + veld);
            assertThat(detail(eenKlantcontact().met(veld, null), "/data/" + veld)).isEqualTo("verplicht veld ontbreekt");
        }

        @ParameterizedTest
        @ValueSource(strings = {"not-a-uuid", "0b7f2f7e3a514bb99a532f6e7a0c1d11", "{0b7f2f7e-3a51-4bb9-9a53-2f6e7a0c1d11}",
                "0b7f2f7e-3a51-4bb9-9a53-2f6e7a0c1d1g", "0b7f2f7e-3a51-4bb9-9a53-2f6e7a0c1d1", ""})
        void klantcontactId_moetEenUuidZijn(String id) {
            assertThat(detail(eenKlantcontact().met("klantcontactId", id), "/data/klantcontactId"))
                    .isEqualTo("geen geldige UUID");
        }

        @Test
        void klantcontactId_inHoofdletters_isOokEenUuid() {
            geldig(eenKlantcontact().met("klantcontactId", "0B7F2F7E-3A51-4BB9-9A53-2F6E7A0C1D11"),
                    KlantcontactBericht.class);
        }

        @Test
        void zaakIdEnWasKlantcontact_moetenUuidsZijn() {
            afgewezenOp(eenKlantcontact().met("zaakId", "ZAAK-2026-0000123").met("wasKlantcontact", 17),
                    "/data/zaakId", "/data/wasKlantcontact");
        }

        @Test
        void bsn_moetDeElfproefDoorstaan() {
            Beoordeling beoordeling = afgewezenOp(eenKlantcontact().met("klant", Map.of("bsn", "123456789")),
                    "/data/klant/bsn");

            assertThat(beoordeling.fouten().get(0).detail()).isEqualTo("BSN voldoet niet aan de elfproef");
        }

        @ParameterizedTest
        @ValueSource(strings = {"99999034", "9999903420", "99999034a", "000000000", ""})
        void bsn_moetNegenCijfersZijn(String bsn) {
            afgewezenOp(eenKlantcontact().met("klant", Map.of("bsn", bsn)), "/data/klant/bsn");
        }

        @Test
        void bsnAlsGetal_wordtGeweigerd() {
            assertThat(detail(eenKlantcontact().met("klant", Map.of("bsn", 999990342)), "/data/klant/bsn"))
                    .isEqualTo("moet een tekst zijn");
        }

        @Test
        void kvk_isAchtCijfers() {
            KlantcontactBericht bericht = geldig(eenKlantcontact().met("klant", Map.of("kvk", TEST_KVK)),
                    KlantcontactBericht.class);
            assertThat(bericht.klant()).isEqualTo(KlantIdentificatie.kvk(TEST_KVK));

            afgewezenOp(eenKlantcontact().met("klant", Map.of("kvk", "1234567")), "/data/klant/kvk");
            afgewezenOp(eenKlantcontact().met("klant", Map.of("kvk", "1234567x")), "/data/klant/kvk");
            afgewezenOp(eenKlantcontact().met("klant", Map.of("kvk", 12345678)), "/data/klant/kvk");
        }

        @Test
        void anoniem_isToegestaanVoorEenKlantcontact() {
            KlantcontactBericht bericht = geldig(eenKlantcontact().met("klant", Map.of("anoniem", true)),
                    KlantcontactBericht.class);

            assertThat(bericht.klant().soort()).isEqualTo(Identificatiesoort.ANONIEM);
            assertThat(bericht.klant().nummer()).isNull();
        }

        @Test
        void anoniem_moetTrueZijn() {
            afgewezenOp(eenKlantcontact().met("klant", Map.of("anoniem", false)), "/data/klant/anoniem");
            afgewezenOp(eenKlantcontact().met("klant", Map.of("anoniem", "ja")), "/data/klant/anoniem");
        }

        @Test
        void klant_bevatPreciesEenIdentificatie() {
            afgewezenOp(eenKlantcontact().met("klant", Map.of("bsn", TEST_BSN, "kvk", TEST_KVK)), "/data/klant");
            afgewezenOp(eenKlantcontact().met("klant", Map.of("bsn", TEST_BSN, "anoniem", true)), "/data/klant");
            afgewezenOp(eenKlantcontact().met("klant", Map.of()), "/data/klant");
            afgewezenOp(eenKlantcontact().met("klant", TEST_BSN), "/data/klant");
        }

        @Test
        void kanaal_magEenAliasZijn_deCodeWordtBewaard_enDeRuweWaarde() {
            KlantcontactBericht chat = geldig(eenKlantcontact().met("kanaal", "webchat"), KlantcontactBericht.class);
            KlantcontactBericht kcc = geldig(eenKlantcontact().met("kanaal", "KCC"), KlantcontactBericht.class);

            assertThat(chat.kanaal()).isEqualTo("chat");
            assertThat(chat.kanaalOntvangen()).isEqualTo("webchat");
            assertThat(kcc.kanaal()).isEqualTo("telefoon");
            assertThat(kcc.kanaalOntvangen()).isEqualTo("KCC");
        }

        @Test
        void onbekendKanaal_wordtGeweigerd_enGenoemd() {
            assertThat(detail(eenKlantcontact().met("kanaal", "postduif"), "/data/kanaal"))
                    .isEqualTo("onbekend kanaal 'postduif'");
        }

        @Test
        void kanaalAlsGetal_wordtGeweigerd() {
            assertThat(detail(eenKlantcontact().met("kanaal", 14), "/data/kanaal")).isEqualTo("moet een tekst zijn");
        }

        @Test
        void richting_isInkomendOfUitgaand() {
            afgewezenOp(eenKlantcontact().met("richting", "heen"), "/data/richting");
            afgewezenOp(eenKlantcontact().met("richting", "Inkomend"), "/data/richting");
        }

        @ParameterizedTest
        @ValueSource(strings = {"omgevingsvergunning", "paspoort-aanvragen", "status-navraag", "algemene-vraag"})
        void onderwerp_isEenZaaktypeOfStatusNavraagOfAlgemeneVraag(String onderwerp) {
            assertThat(geldig(eenKlantcontact().met("onderwerp", onderwerp), KlantcontactBericht.class).onderwerp())
                    .isEqualTo(onderwerp);
        }

        @Test
        void onbekendOnderwerp_wordtGeweigerd() {
            afgewezenOp(eenKlantcontact().met("onderwerp", "dakkapel"), "/data/onderwerp");
            afgewezenOp(eenKlantcontact().met("onderwerp", ""), "/data/onderwerp");
        }

        @ParameterizedTest
        @ValueSource(strings = {"beantwoord", "terugbelverzoek", "zaak-gestart", "niet-bereikt"})
        void resultaat_isEenVanDeVijf(String resultaat) {
            geldig(eenKlantcontact().met("resultaat", resultaat), KlantcontactBericht.class);
        }

        @Test
        void onbekendResultaat_wordtGeweigerd() {
            afgewezenOp(eenKlantcontact().met("resultaat", "opgelost"), "/data/resultaat");
        }

        @Test
        void doorverwezen_vraagtOmDoorverwezenNaar() {
            afgewezenOp(eenKlantcontact().met("resultaat", "doorverwezen"), "/data/doorverwezenNaar");
            afgewezenOp(eenKlantcontact().met("resultaat", "doorverwezen").met("doorverwezenNaar", null),
                    "/data/doorverwezenNaar");

            KlantcontactBericht bericht = geldig(eenKlantcontact().met("resultaat", "doorverwezen")
                    .met("doorverwezenNaar", "webformulier"), KlantcontactBericht.class);
            assertThat(bericht.doorverwezenNaar()).isEqualTo("webformulier");
        }

        @Test
        void doorverwezenNaar_moetEenKanaalcodeZijn_geenAlias() {
            Beoordeling beoordeling = afgewezenOp(eenKlantcontact().met("resultaat", "doorverwezen")
                    .met("doorverwezenNaar", "website"), "/data/doorverwezenNaar");

            assertThat(beoordeling.fouten().get(0).detail()).contains("'webformulier'");
            afgewezenOp(eenKlantcontact().met("resultaat", "doorverwezen").met("doorverwezenNaar", "postduif"),
                    "/data/doorverwezenNaar");
        }

        @Test
        void doorverwezenNaar_bijAnderResultaat_wordtOokGekeurd() {
            afgewezenOp(eenKlantcontact().met("doorverwezenNaar", "postduif"), "/data/doorverwezenNaar");
            geldig(eenKlantcontact().met("doorverwezenNaar", "balie"), KlantcontactBericht.class);
        }

        @Test
        void inhoud_isHoogstens2000Tekens() {
            geldig(eenKlantcontact().met("inhoud", "a".repeat(2000)), KlantcontactBericht.class);
            // 2000 characters outside the BMP: 4000 UTF-16 units, still 2000 characters
            geldig(eenKlantcontact().met("inhoud", "\uD83D\uDE00".repeat(2000)), KlantcontactBericht.class);
            afgewezenOp(eenKlantcontact().met("inhoud", "a".repeat(2001)), "/data/inhoud");
        }

        @Test
        void duurSeconden_isEenGeheelGetalVanNulOfMeer() {
            assertThat(geldig(eenKlantcontact().met("duurSeconden", 0), KlantcontactBericht.class).duurSeconden())
                    .isZero();
            afgewezenOp(eenKlantcontact().met("duurSeconden", -1), "/data/duurSeconden");
            afgewezenOp(eenKlantcontact().met("duurSeconden", 1.5), "/data/duurSeconden");
            afgewezenOp(eenKlantcontact().met("duurSeconden", "12"), "/data/duurSeconden");
            afgewezenOp(eenKlantcontact().met("duurSeconden", 10_000_000_000L), "/data/duurSeconden");
        }

        @Test
        void medewerker_isEenTekst() {
            afgewezenOp(eenKlantcontact().met("medewerker", 17), "/data/medewerker");
        }

        @Test
        void alleFouten_wordenTegelijkGenoemd() {
            afgewezenOp(eenKlantcontact().met("klantcontactId", "x").met("klant", Map.of("bsn", "123456789"))
                            .met("kanaal", "postduif").met("richting", "heen").met("onderwerp", 5)
                            .met("resultaat", "doorverwezen").met("inhoud", "a".repeat(2001)).met("duurSeconden", -3),
                    "/data/klantcontactId", "/data/klant/bsn", "/data/kanaal", "/data/richting", "/data/onderwerp",
                    "/data/doorverwezenNaar", "/data/inhoud", "/data/duurSeconden");
        }

        @Test
        void onbekendeVeldenInData_wordenGenegeerd() {
            geldig(eenKlantcontact().met("extraVeld", "wordt niet gebruikt"), KlantcontactBericht.class);
        }
    }

    @Nested
    class ZaakGeregistreerd {
        @Test
        void geldigeZaak_krijgtDeVertrouwelijkheidVanHetZaaktype() {
            ZaakGeregistreerdBericht bericht = geldig(eenZaakGeregistreerd(), ZaakGeregistreerdBericht.class);

            assertThat(bericht.zaakId()).isEqualTo(UUID.fromString(ZAAK_ID));
            assertThat(bericht.identificatie()).isEqualTo("ZAAK-2026-0000123");
            assertThat(bericht.zaaktype()).isEqualTo("omgevingsvergunning");
            assertThat(bericht.initiator()).isEqualTo(KlantIdentificatie.bsn(TEST_BSN));
            assertThat(bericht.kanaal()).isEqualTo("webformulier");
            assertThat(bericht.geregistreerdOp()).isEqualTo(Instant.parse("2026-03-04T19:31:10Z"));
            assertThat(bericht.omschrijving()).isNull();
            assertThat(bericht.uiterlijkeEinddatum()).isNull();
            assertThat(bericht.vertrouwelijkheid()).isEqualTo("openbaar");
            assertThat(geldig(eenZaakGeregistreerd().met("zaaktype", "bijstandsaanvraag"),
                    ZaakGeregistreerdBericht.class).vertrouwelijkheid()).isEqualTo("vertrouwelijk");
        }

        @Test
        void gegevenVertrouwelijkheid_wintVanDieVanHetZaaktype() {
            assertThat(geldig(eenZaakGeregistreerd().met("vertrouwelijkheid", "zeer_geheim"),
                    ZaakGeregistreerdBericht.class).vertrouwelijkheid()).isEqualTo("zeer_geheim");
        }

        @Test
        void vertrouwelijkheid_isEenVanDeAchtZgwNiveaus() {
            afgewezenOp(eenZaakGeregistreerd().met("vertrouwelijkheid", "topgeheim"), "/data/vertrouwelijkheid");
            afgewezenOp(eenZaakGeregistreerd().met("vertrouwelijkheid", "Openbaar"), "/data/vertrouwelijkheid");
        }

        @ParameterizedTest
        @ValueSource(strings = {"zaakId", "identificatie", "zaaktype", "initiator", "kanaal", "geregistreerdOp"})
        void verplichtVeld_datOntbreekt_wordtGenoemd(String veld) {
            afgewezenOp(eenZaakGeregistreerd().zonder(veld), "/data/" + veld);
        }

        @Test
        void identificatie_isEenNietLegeTekstVanHoogstens40Tekens() {
            geldig(eenZaakGeregistreerd().met("identificatie", "Z".repeat(40)), ZaakGeregistreerdBericht.class);
            afgewezenOp(eenZaakGeregistreerd().met("identificatie", "Z".repeat(41)), "/data/identificatie");
            afgewezenOp(eenZaakGeregistreerd().met("identificatie", ""), "/data/identificatie");
            afgewezenOp(eenZaakGeregistreerd().met("identificatie", 123), "/data/identificatie");
        }

        @Test
        void onbekendZaaktype_wordtGeweigerd() {
            assertThat(detail(eenZaakGeregistreerd().met("zaaktype", "dakkapel"), "/data/zaaktype"))
                    .isEqualTo("onbekend zaaktype 'dakkapel'");
        }

        @Test
        void initiator_isBsnOfKvk_nooitAnoniem() {
            geldig(eenZaakGeregistreerd().met("initiator", Map.of("kvk", TEST_KVK)), ZaakGeregistreerdBericht.class);
            afgewezenOp(eenZaakGeregistreerd().met("initiator", Map.of("anoniem", true)), "/data/initiator/anoniem");
            afgewezenOp(eenZaakGeregistreerd().met("initiator", Map.of("bsn", "123456789")), "/data/initiator/bsn");
        }

        @Test
        void kanaal_magEenAliasZijn() {
            ZaakGeregistreerdBericht bericht = geldig(eenZaakGeregistreerd().met("kanaal", "Website"),
                    ZaakGeregistreerdBericht.class);

            assertThat(bericht.kanaal()).isEqualTo("webformulier");
            assertThat(bericht.kanaalOntvangen()).isEqualTo("Website");
            afgewezenOp(eenZaakGeregistreerd().met("kanaal", "postduif"), "/data/kanaal");
        }

        @Test
        void uiterlijkeEinddatum_isEenDatum() {
            assertThat(geldig(eenZaakGeregistreerd().met("uiterlijkeEinddatum", "2026-04-29"),
                    ZaakGeregistreerdBericht.class).uiterlijkeEinddatum()).isEqualTo(LocalDate.of(2026, 4, 29));
            afgewezenOp(eenZaakGeregistreerd().met("uiterlijkeEinddatum", "2026-13-01"), "/data/uiterlijkeEinddatum");
            afgewezenOp(eenZaakGeregistreerd().met("uiterlijkeEinddatum", "2026-02-30"), "/data/uiterlijkeEinddatum");
            afgewezenOp(eenZaakGeregistreerd().met("uiterlijkeEinddatum", "29-04-2026"), "/data/uiterlijkeEinddatum");
            afgewezenOp(eenZaakGeregistreerd().met("uiterlijkeEinddatum", "2026-04-29T00:00:00Z"),
                    "/data/uiterlijkeEinddatum");
            afgewezenOp(eenZaakGeregistreerd().met("uiterlijkeEinddatum", 20260429), "/data/uiterlijkeEinddatum");
        }

        @Test
        void omschrijving_isHoogstens2000Tekens() {
            assertThat(geldig(eenZaakGeregistreerd().met("omschrijving", "Dakkapel aan de achterzijde"),
                    ZaakGeregistreerdBericht.class).omschrijving()).isEqualTo("Dakkapel aan de achterzijde");
            afgewezenOp(eenZaakGeregistreerd().met("omschrijving", "o".repeat(2001)), "/data/omschrijving");
        }

        @Test
        void geregistreerdOp_magNietTeVerInDeToekomstLiggen() {
            afgewezenOp(eenZaakGeregistreerd().met("geregistreerdOp", "2026-03-21T12:00:00Z"), "/data/geregistreerdOp");
        }
    }

    @Nested
    class StatusGezet {
        @Test
        void geldigeStatus_wordtGelezen() {
            StatusGezetBericht bericht = geldig(eenStatusGezet().met("statustoelichting", "Wij missen een bouwtekening."),
                    StatusGezetBericht.class);

            assertThat(bericht.zaakId()).isEqualTo(UUID.fromString(ZAAK_ID));
            assertThat(bericht.statustype()).isEqualTo("ontvangen");
            assertThat(bericht.statustoelichting()).isEqualTo("Wij missen een bouwtekening.");
        }

        @Test
        void statustypeDatInGeenEnkelZaaktypeVoorkomt_wordtGeweigerd() {
            assertThat(detail(eenStatusGezet().met("statustype", "bestaat-niet"), "/data/statustype"))
                    .startsWith("onbekend statustype 'bestaat-niet'");
        }

        @Test
        void statustypeVanEenAnderZaaktype_wordtAanvaard_deZaakBeslistLater() {
            geldig(eenStatusGezet().met("statustype", "adresonderzoek"), StatusGezetBericht.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"zaakId", "statustype", "datumStatusGezet"})
        void verplichtVeld_datOntbreekt_wordtGenoemd(String veld) {
            afgewezenOp(eenStatusGezet().zonder(veld), "/data/" + veld);
        }

        @Test
        void statustoelichting_isEenTekstVanHoogstens2000Tekens() {
            afgewezenOp(eenStatusGezet().met("statustoelichting", "t".repeat(2001)), "/data/statustoelichting");
            afgewezenOp(eenStatusGezet().met("statustoelichting", List.of("t")), "/data/statustoelichting");
        }
    }

    @Nested
    class OpschortingEnHervatting {
        @Test
        void geldigeOpschortingEnHervatting_wordenGelezen() {
            ZaakOpgeschortBericht opgeschort = geldig(eenZaakOpgeschort(), ZaakOpgeschortBericht.class);
            ZaakHervatBericht hervat = geldig(eenZaakHervat(), ZaakHervatBericht.class);

            assertThat(opgeschort.opgeschortOp()).isEqualTo(Instant.parse("2026-03-09T10:00:00Z"));
            assertThat(opgeschort.reden()).isEqualTo("Aanvullende gegevens gevraagd");
            assertThat(hervat.hervatOp()).isEqualTo(Instant.parse("2026-03-18T08:30:00Z"));
            assertThat(hervat.reden()).isNull();
        }

        @Test
        void zaakIdEnTijdstip_zijnVerplicht() {
            afgewezenOp(eenZaakOpgeschort().zonder("zaakId").zonder("opgeschortOp"), "/data/zaakId", "/data/opgeschortOp");
            afgewezenOp(eenZaakHervat().met("zaakId", "x").zonder("hervatOp"), "/data/zaakId", "/data/hervatOp");
        }

        @Test
        void reden_isEenTekstVanHoogstens2000Tekens() {
            afgewezenOp(eenZaakOpgeschort().met("reden", "r".repeat(2001)), "/data/reden");
            afgewezenOp(eenZaakHervat().met("reden", 3), "/data/reden");
        }
    }

    @Nested
    class Verlenging {
        @Test
        void duurDagen_tussen1EnDeGrootsteVerlengingVanEnigZaaktype() {
            // avg-inzageverzoek allows 60 days: the largest in the catalogue
            assertThat(geldig(eenZaakVerlengd().met("duurDagen", 1), ZaakVerlengdBericht.class).duurDagen()).isOne();
            assertThat(geldig(eenZaakVerlengd().met("duurDagen", 60), ZaakVerlengdBericht.class).duurDagen())
                    .isEqualTo(60);
            afgewezenOp(eenZaakVerlengd().met("duurDagen", 0), "/data/duurDagen");
            afgewezenOp(eenZaakVerlengd().met("duurDagen", 61), "/data/duurDagen");
            afgewezenOp(eenZaakVerlengd().met("duurDagen", -5), "/data/duurDagen");
        }

        @Test
        void duurDagen_isEenVerplichtGeheelGetal() {
            afgewezenOp(eenZaakVerlengd().zonder("duurDagen"), "/data/duurDagen");
            afgewezenOp(eenZaakVerlengd().met("duurDagen", "14"), "/data/duurDagen");
            afgewezenOp(eenZaakVerlengd().met("duurDagen", 1.5), "/data/duurDagen");
        }

        @Test
        void verlengdOp_enReden() {
            ZaakVerlengdBericht bericht = geldig(eenZaakVerlengd(), ZaakVerlengdBericht.class);
            assertThat(bericht.reden()).isEqualTo("Advies welstandscommissie nodig");
            afgewezenOp(eenZaakVerlengd().zonder("verlengdOp").met("reden", "r".repeat(2001)),
                    "/data/verlengdOp", "/data/reden");
        }
    }

    @Nested
    class Afsluiting {
        @Test
        void resultaatVanEnigZaaktype_wordtAanvaard() {
            ZaakAfgeslotenBericht bericht = geldig(eenZaakAfgesloten().met("toelichting", "De vergunning is verleend."),
                    ZaakAfgeslotenBericht.class);

            assertThat(bericht.resultaat()).isEqualTo("toegekend");
            assertThat(bericht.toelichting()).isEqualTo("De vergunning is verleend.");
            assertThat(bericht.afgeslotenOp()).isEqualTo(Instant.parse("2026-03-19T07:00:00Z"));
        }

        @Test
        void resultaatDatInGeenEnkelZaaktypeVoorkomt_wordtGeweigerd() {
            afgewezenOp(eenZaakAfgesloten().met("resultaat", "goedgekeurd"), "/data/resultaat");
            afgewezenOp(eenZaakAfgesloten().zonder("resultaat"), "/data/resultaat");
        }

        @Test
        void toelichting_isHoogstens2000Tekens() {
            afgewezenOp(eenZaakAfgesloten().met("toelichting", "t".repeat(2001)), "/data/toelichting");
        }

        @Test
        void afgeslotenOp_isVerplicht() {
            afgewezenOp(eenZaakAfgesloten().zonder("afgeslotenOp"), "/data/afgeslotenOp");
        }
    }

    @Nested
    class Kanaalvoorkeur {
        @Test
        void geldigeKanaalvoorkeur_wordtGelezen() {
            KanaalvoorkeurBericht bericht = geldig(eenKanaalvoorkeur().met("kanaal", "E-mail")
                    .met("onderwerp", "parkeervergunning"), KanaalvoorkeurBericht.class);

            assertThat(bericht.klant()).isEqualTo(KlantIdentificatie.bsn(TEST_BSN));
            assertThat(bericht.kanaal()).isEqualTo("email");
            assertThat(bericht.kanaalOntvangen()).isEqualTo("E-mail");
            assertThat(bericht.onderwerp()).isEqualTo("parkeervergunning");
            assertThat(bericht.vastgelegdOp()).isEqualTo(Instant.parse("2026-03-10T14:00:00Z"));
            assertThat(geldig(eenKanaalvoorkeur(), KanaalvoorkeurBericht.class).onderwerp()).isNull();
        }

        @Test
        void anoniem_isNietToegestaan() {
            afgewezenOp(eenKanaalvoorkeur().met("klant", Map.of("anoniem", true)), "/data/klant/anoniem");
        }

        @Test
        void onderwerp_isEenZaaktype() {
            afgewezenOp(eenKanaalvoorkeur().met("onderwerp", "status-navraag"), "/data/onderwerp");
            afgewezenOp(eenKanaalvoorkeur().met("onderwerp", 1), "/data/onderwerp");
        }

        @Test
        void verplichteVelden_wordenGenoemd() {
            afgewezenOp(eenKanaalvoorkeur().zonder("klant").zonder("kanaal").zonder("vastgelegdOp"),
                    "/data/klant", "/data/kanaal", "/data/vastgelegdOp");
            afgewezenOp(eenKanaalvoorkeur().met("kanaal", "postduif"), "/data/kanaal");
        }
    }

    static Stream<Arguments> alleTypen() {
        return Stream.of(eenKlantcontact(), eenZaakGeregistreerd(), eenStatusGezet(), eenZaakOpgeschort(),
                eenZaakHervat(), eenZaakVerlengd(), eenZaakAfgesloten(), eenKanaalvoorkeur()).map(Arguments::of);
    }
}
