package nl.klantreis.api.ingestie;

import static nl.klantreis.api.ingestie.BerichtBouwer.NU;
import static nl.klantreis.api.ingestie.BerichtBouwer.eenKlantcontact;
import static nl.klantreis.api.ingestie.BerichtBouwer.eenZaakGeregistreerd;
import static nl.klantreis.api.ingestie.BerichtKeuringFixture.keuringOp;
import static nl.klantreis.api.ingestie.BerichtKeuringFixture.pointers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The characters and lengths of every string of a message (issue 9, items 1 and 2), judged
 * without a database: lone surrogates, NUL, control characters, limits per field, nesting; and
 * the strict reader of the request body and the binary mode's header decoding.
 */
class BerichtKeuringTekensTest {
    private static final String LOS_HOOG = "\ud800";
    private static final String LOS_LAAG = "\udfff";

    private final BerichtKeuring keuring = keuringOp(NU);

    private Beoordeling keur(BerichtBouwer bouwer) {
        return keuring.keur(0, bouwer.bouw());
    }

    private Beoordeling afgewezenOp(BerichtBouwer bouwer, String pointer, String detailBevat) {
        Beoordeling beoordeling = keur(bouwer);
        assertThat(beoordeling.geldig()).isFalse();
        assertThat(pointers(beoordeling)).as("fouten %s", beoordeling.fouten()).containsExactly(pointer);
        assertThat(beoordeling.fouten().get(0).detail()).contains(detailBevat);
        return beoordeling;
    }

    private void geldig(BerichtBouwer bouwer) {
        assertThat(keur(bouwer).fouten()).isEmpty();
    }

    @Nested
    class LosseSurrogaten {
        @Test
        void jacksonGeeftEenLosseSurrogaatDoor_deKeuringWijstHetBerichtAf() {
            String tekst = eenKlantcontact().metAttribuut("id", "lone-X").bouw().toString()
                    .replace("lone-X", "lone-\\ud800");
            JsonNode gelezen = new Verzoeklezer().lees(tekst.getBytes(StandardCharsets.UTF_8));
            assertThat(gelezen.path("id").textValue()).isEqualTo("lone-" + LOS_HOOG);

            Beoordeling beoordeling = keuring.keur(0, gelezen);
            assertThat(pointers(beoordeling)).containsExactly("/id");
            assertThat(beoordeling.fouten().get(0).detail()).contains("surrogaat");
            // The answer echoes no id that cannot be written back as sent.
            assertThat(beoordeling.id()).isNull();
            assertThat(beoordeling.source()).isEqualTo(BerichtBouwer.SOURCE);
        }

        @Test
        void eenSurrogaatAlsRuweUtf8Bytes_komtOokAlsLosseSurrogaatBinnen_enWordtAfgewezen() {
            byte[] tekst = eenKlantcontact().metAttribuut("id", "raw-X").bouw().toString()
                    .getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new String(tekst, StandardCharsets.ISO_8859_1)
                    .replace("raw-X", "raw-\u00ed\u00a0\u0080").getBytes(StandardCharsets.ISO_8859_1);
            JsonNode gelezen = new Verzoeklezer().lees(bytes);
            assertThat(gelezen.path("id").textValue()).isEqualTo("raw-" + LOS_HOOG);
            assertThat(pointers(keuring.keur(0, gelezen))).containsExactly("/id");
        }

        @ParameterizedTest
        @ValueSource(strings = {"id", "source", "type", "subject", "time", "dataschema", "extensie"})
        void inElkAttribuut_wordtHetAttribuutGenoemd(String attribuut) {
            afgewezenOp(eenKlantcontact().metAttribuut(attribuut, "x" + LOS_LAAG), "/" + attribuut, "surrogaat");
        }

        @ParameterizedTest
        @ValueSource(strings = {"kanaal", "medewerker", "inhoud", "onderwerp", "klantcontactId", "onbekendVeld"})
        void inElkDataveld_wordtHetVeldGenoemd(String veld) {
            afgewezenOp(eenKlantcontact().met(veld, LOS_HOOG + "telefoon"), "/data/" + veld, "surrogaat");
        }

        @Test
        void inEenVeldnaam_ookGenest_wordtDeNaamGenoemd() {
            afgewezenOp(eenKlantcontact().met("x" + LOS_HOOG, 1), "/data/x\uFFFD", "veldnaam");
            afgewezenOp(eenKlantcontact().met("klant", Map.of("bsn", BerichtBouwer.TEST_BSN, "a" + LOS_LAAG, true)),
                    "/data/klant/a\uFFFD", "veldnaam");
        }

        @Test
        void inEenArray() {
            afgewezenOp(eenKlantcontact().met("lijst", java.util.List.of("a", "b" + LOS_HOOG)), "/data/lijst/1",
                    "surrogaat");
        }

        @Test
        void eenGeldigPaar_zoalsEenEmoji_isGewoneTekst() {
            geldig(eenKlantcontact().met("inhoud", "Bedankt \uD83D\uDE00").metAttribuut("id", "emoji-\uD83D\uDE00"));
        }
    }

    @Nested
    class Stuurtekens {
        @Test
        void nulTeken_isOveralVerboden() {
            afgewezenOp(eenKlantcontact().metAttribuut("id", "a\u0000b"), "/id", "NUL");
            afgewezenOp(eenKlantcontact().metAttribuut("source", "urn:x:\u0000"), "/source", "NUL");
            afgewezenOp(eenKlantcontact().met("inhoud", "tekst\u0000"), "/data/inhoud", "NUL");
            afgewezenOp(eenKlantcontact().met("onbekend", "\u0000"), "/data/onbekend", "NUL");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\n", "\t", "\r", "\u0007", "\u007f", "\u0085"})
        void inEenIdentificatie_isElkStuurtekenVerboden(String teken) {
            afgewezenOp(eenKlantcontact().metAttribuut("id", "a" + teken + "b"), "/id", "stuurteken");
            afgewezenOp(eenKlantcontact().metAttribuut("source", "urn:x:" + teken), "/source", "stuurteken");
            afgewezenOp(eenKlantcontact().met("medewerker", "mw" + teken), "/data/medewerker", "stuurteken");
        }

        @Test
        void inVrijeTekst_magTabEnRegelovergang_geenAnderStuurteken() {
            geldig(eenKlantcontact().met("inhoud", "regel 1\r\nregel 2\n\tingesprongen"));
            afgewezenOp(eenKlantcontact().met("inhoud", "bel\u0007"), "/data/inhoud", "alleen tab en regelovergang");
            afgewezenOp(eenZaakGeregistreerd().met("omschrijving", "\u001b[31m"), "/data/omschrijving", "stuurteken");
        }
    }

    @Nested
    class Lengtes {
        @Test
        void idEnSource_hoogstens256Tekens_geteldAlsCodepunten() {
            geldig(eenKlantcontact().metAttribuut("id", "i".repeat(256)));
            geldig(eenKlantcontact().metAttribuut("id", "\uD83D\uDE00".repeat(256)));
            afgewezenOp(eenKlantcontact().metAttribuut("id", "i".repeat(257)), "/id", "hoogstens 256");
            afgewezenOp(eenKlantcontact().metAttribuut("source", "urn:x:" + "s".repeat(251)), "/source",
                    "hoogstens 256");
        }

        @Test
        void eenIdVanEenMegabyte_wordtEenmaalGenoemd_enNietTeruggegeven() {
            Beoordeling beoordeling = afgewezenOp(eenKlantcontact().metAttribuut("id", "x".repeat(1 << 20)), "/id",
                    "hoogstens 256");
            assertThat(beoordeling.id()).isNull();
        }

        @Test
        void elkTekstveldHeeftZijnEigenGrens() {
            afgewezenOp(eenKlantcontact().met("inhoud", "x".repeat(2_001)), "/data/inhoud", "hoogstens 2000");
            afgewezenOp(eenKlantcontact().met("medewerker", "m".repeat(257)), "/data/medewerker", "hoogstens 256");
            afgewezenOp(eenKlantcontact().met("kanaal", "k".repeat(101)), "/data/kanaal", "hoogstens 100");
            afgewezenOp(eenZaakGeregistreerd().met("identificatie", "Z".repeat(41)), "/data/identificatie",
                    "hoogstens 40");
            afgewezenOp(eenKlantcontact().metAttribuut("subject", "s".repeat(1_025)), "/subject", "hoogstens 1024");
            afgewezenOp(eenKlantcontact().metAttribuut("datacontenttype", "application/json;x=" + "y".repeat(240)),
                    "/datacontenttype", "hoogstens 256");
            afgewezenOp(eenKlantcontact().met("onbekend", "o".repeat(10_001)), "/data/onbekend", "hoogstens 10000");
            afgewezenOp(eenKlantcontact().met("n".repeat(257), 1), "/data/" + "n".repeat(256) + "…", "veldnaam");
        }

        @Test
        void eenVrijeTekstVanEenMegabyte_noemtDeGrensVanHetVeld() {
            afgewezenOp(eenKlantcontact().met("inhoud", "x".repeat(1 << 20)), "/data/inhoud", "hoogstens 2000");
        }

        @Test
        void idOfSourceVanAlleenWitruimte_isLeeg() {
            afgewezenOp(eenKlantcontact().metAttribuut("id", "   "), "/id", "leeg");
            afgewezenOp(eenKlantcontact().metAttribuut("source", "  "), "/source", "leeg");
        }

        @Test
        void teDiepGenesteData_wordtBijHetDiepstePuntGenoemd() {
            ObjectNode diep = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            ObjectNode hier = diep;
            StringBuilder pad = new StringBuilder("/data/diep");
            for (int i = 0; i < 20; i++) {
                hier = hier.putObject("n");
                if (i < 9) {
                    pad.append("/n");
                }
            }
            afgewezenOp(eenKlantcontact().met("diep", diep), pad.toString(), "te diep genest");
        }
    }

    @Nested
    class Verzoek {
        private final Verzoeklezer lezer = new Verzoeklezer();

        private JsonNode lees(String tekst) {
            return lezer.lees(tekst.getBytes(StandardCharsets.UTF_8));
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"a\":1} xyz", "[{\"a\":1}]]", "[] []", "{\"a\":1}}", "{} {}"})
        void ietsNaDeJson_isGeenBericht(String tekst) {
            assertThatThrownBy(() -> lees(tekst)).isInstanceOf(IngestieController.Onleesbaar.class)
                    .hasMessageContaining("geen geldige JSON");
        }

        @Test
        void eenSleutelTweemaal_isOnleesbaar() {
            assertThatThrownBy(() -> lees("{\"id\":\"a\",\"id\":\"b\"}"))
                    .isInstanceOf(IngestieController.Onleesbaar.class).hasMessageContaining("id");
        }

        @Test
        void nestingBovenDeGrensVanDeLezer_isOnleesbaar_eronderWordtGelezen() {
            assertThat(lees("[".repeat(64) + "]".repeat(64)).isArray()).isTrue();
            assertThatThrownBy(() -> lees("[".repeat(65) + "]".repeat(65)))
                    .isInstanceOf(IngestieController.Onleesbaar.class).hasMessageContaining("grens");
        }

        @Test
        void witruimteNaDeJson_magWel() {
            assertThat(lees("{\"a\":1}\n\r\n ").path("a").asInt()).isEqualTo(1);
        }
    }

    @Nested
    class Koppen {
        @Test
        void procentcodering_isUtf8() {
            assertThat(BinaireModus.decodeer("ce-id", "caf%C3%A9%20%E2%82%AC")).isEqualTo("café €");
            assertThat(BinaireModus.decodeer("ce-id", "zonder-codering")).isEqualTo("zonder-codering");
            assertThat(BinaireModus.decodeer("ce-id", "%25")).isEqualTo("%");
        }

        @ParameterizedTest
        @ValueSource(strings = {"%zz", "%4", "abc%", "%ED%A0%80", "%C3", "café"})
        void ongeldigeCodering_ofRuwNietAscii_isOnleesbaar(String waarde) {
            assertThatThrownBy(() -> BinaireModus.decodeer("ce-id", waarde))
                    .isInstanceOf(IngestieController.Onleesbaar.class).hasMessageContaining("ce-id");
        }

        @Test
        void nulViaProcentcodering_wordtDoorDeKeuringAfgewezen() {
            String id = BinaireModus.decodeer("ce-id", "a%00b");
            afgewezenOp(eenKlantcontact().metAttribuut("id", id), "/id", "NUL");
        }
    }
}
