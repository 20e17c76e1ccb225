package nl.klantreis.infrastructuur.referentie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nl.klantreis.domein.referentie.Kanaal;
import nl.klantreis.domein.referentie.Statustype;
import nl.klantreis.domein.referentie.Vertrouwelijkheid;
import nl.klantreis.domein.referentie.Zaaktype;
import nl.klantreis.infrastructuur.referentie.Referentiegegevens.OngeldigeReferentiegegevens;
import org.junit.jupiter.api.Test;

class ReferentiegegevensTest {

    private final Referentiegegevens standaard = Referentiegegevens.laadStandaard();

    @Test
    void aliassen_wordenHerkend_alsHunKanaalcode() {
        assertThat(standaard.kanalen().herken("webchat")).map(Kanaal::code).contains("chat");
        assertThat(standaard.kanalen().herken("E-mail")).map(Kanaal::code).contains("email");
        assertThat(standaard.kanalen().herken("KCC")).map(Kanaal::code).contains("telefoon");
        assertThat(standaard.kanalen().herken("telefoon")).map(Kanaal::code).contains("telefoon");
        assertThat(standaard.kanalen().herken("postduif")).isEmpty();
    }

    @Test
    void metCode_kentAlleenCodes_geenAliassen() {
        assertThat(standaard.kanalen().metCode("webformulier")).isPresent();
        assertThat(standaard.kanalen().metCode("website")).isEmpty();
    }

    @Test
    void alleVeertienKanalen_wordenGeladen() {
        assertThat(standaard.kanalen().alle()).hasSize(14);
    }

    @Test
    void kosten_null_isOnbekend() {
        assertThat(standaard.kanalen().metCode("telefoon")).map(Kanaal::kosten).contains(Optional.of(780));
        assertThat(standaard.kanalen().metCode("huisbezoek")).map(Kanaal::kosten).contains(Optional.empty());
    }

    @Test
    void omgevingsvergunning_heeftVijfStatustypen_opVolgorde_metGroep() {
        Zaaktype zaaktype = standaard.catalogus().zaaktype("omgevingsvergunning").orElseThrow();

        assertThat(zaaktype.statustypen()).extracting(Statustype::volgnummer).containsExactly(1, 2, 3, 4, 5);
        assertThat(zaaktype.statustypen()).extracting(Statustype::code).containsExactly(
                "ontvangen", "aanvulling-gevraagd", "in-behandeling", "besluit-genomen", "afgehandeld");
        assertThat(zaaktype.statustypen()).extracting(Statustype::groep).containsExactly(
                "ontvangen", "actie_nodig", "in_behandeling", "besluit_genomen", "afgerond");
        assertThat(zaaktype.servicenormDagen()).isEqualTo(56);
        assertThat(zaaktype.verlengingMogelijk()).isTrue();
        assertThat(zaaktype.verlengingDagen()).isEqualTo(42);
        assertThat(zaaktype.opschortingMogelijk()).isTrue();
        assertThat(zaaktype.vertrouwelijkheid()).isEqualTo(Vertrouwelijkheid.OPENBAAR);
        assertThat(zaaktype.resultaten()).contains("toegekend");
    }

    @Test
    void catalogus_kentStatustypenEnResultatenOverZaaktypenHeen() {
        assertThat(standaard.catalogus().alle()).hasSize(8);
        assertThat(standaard.catalogus().statustypeBestaat("adresonderzoek")).isTrue();
        assertThat(standaard.catalogus().statustypeBestaat("bestaat-niet")).isFalse();
        assertThat(standaard.catalogus().resultaatBestaat("buiten-behandeling")).isTrue();
        assertThat(standaard.catalogus().grootsteVerlengingDagen()).isEqualTo(60);
        assertThat(standaard.statusgroepen()).containsExactly(
                "ontvangen", "in_behandeling", "actie_nodig", "besluit_genomen", "afgerond");
    }

    @Test
    void onbekendeStatusgroep_wordtGeweigerd() {
        String zaaktypen = standaardZaaktypen().replaceFirst("\"groep\": \"actie_nodig\"", "\"groep\": \"wachten\"");

        assertThatThrownBy(() -> laad(standaardKanalen(), zaaktypen))
                .isInstanceOf(OngeldigeReferentiegegevens.class)
                .hasMessageContaining("paspoort-aanvragen")
                .hasMessageContaining("groep 'wachten' is geen van de statusgroepen");
    }

    @Test
    void dubbelVolgnummer_wordtGeweigerd() {
        String zaaktypen = standaardZaaktypen().replaceFirst("\"volgnummer\": 2", "\"volgnummer\": 1");

        assertThatThrownBy(() -> laad(standaardKanalen(), zaaktypen))
                .isInstanceOf(OngeldigeReferentiegegevens.class)
                .hasMessageContaining("volgnummer 1 komt meer dan eens voor");
    }

    @Test
    void onbekendeVertrouwelijkheid_wordtGeweigerd() {
        String zaaktypen = standaardZaaktypen().replaceFirst("\"vertrouwelijkheid\": \"openbaar\"",
                "\"vertrouwelijkheid\": \"streng-geheim\"");

        assertThatThrownBy(() -> laad(standaardKanalen(), zaaktypen))
                .isInstanceOf(OngeldigeReferentiegegevens.class)
                .hasMessageContaining("omgevingsvergunning")
                .hasMessageContaining("vertrouwelijkheid 'streng-geheim'");
    }

    @Test
    void dubbeleKanaalcode_wordtGeweigerd() {
        String kanalen = standaardKanalen().replace("{\"code\": \"sms\",", "{\"code\": \"app\",");

        assertThatThrownBy(() -> laad(kanalen, standaardZaaktypen()))
                .isInstanceOf(OngeldigeReferentiegegevens.class)
                .hasMessageContaining("kanaal 'app'")
                .hasMessageContaining("code komt meer dan eens voor");
    }

    @Test
    void aliasVanTweeKanalen_wordtGeweigerd() {
        String kanalen = standaardKanalen().replace("\"webcare\"]", "\"webcare\", \"Webchat\"]");

        assertThatThrownBy(() -> laad(kanalen, standaardZaaktypen()))
                .isInstanceOf(OngeldigeReferentiegegevens.class)
                .hasMessageContaining("kanaal 'social-media'")
                .hasMessageContaining("'Webchat' hoort al bij kanaal 'chat'");
    }

    @Test
    void kapotteJson_wordtGeweigerd_metBestandsnaam() {
        assertThatThrownBy(() -> laad("{\"kanalen\": [", standaardZaaktypen()))
                .isInstanceOf(OngeldigeReferentiegegevens.class)
                .hasMessageContaining("kanalen.json");
    }

    @Test
    void alleProblemen_wordenTegelijkGenoemd() {
        String zaaktypen = standaardZaaktypen()
                .replaceFirst("\"groep\": \"actie_nodig\"", "\"groep\": \"wachten\"")
                .replaceFirst("\"vertrouwelijkheid\": \"openbaar\"", "\"vertrouwelijkheid\": \"x\"");

        assertThatThrownBy(() -> laad(standaardKanalen(), zaaktypen))
                .isInstanceOfSatisfying(OngeldigeReferentiegegevens.class,
                        e -> assertThat(e.problemen()).hasSize(2));
    }

    private static Referentiegegevens laad(String kanalen, String zaaktypen) {
        return Referentiegegevens.laad(stroom(kanalen), stroom(zaaktypen));
    }

    private static InputStream stroom(String tekst) {
        return new ByteArrayInputStream(tekst.getBytes(StandardCharsets.UTF_8));
    }

    private static String standaardKanalen() {
        return bron(Referentiegegevens.KANALEN_BESTAND);
    }

    private static String standaardZaaktypen() {
        return bron(Referentiegegevens.ZAAKTYPEN_BESTAND);
    }

    private static String bron(String pad) {
        try (InputStream in = ReferentiegegevensTest.class.getClassLoader().getResourceAsStream(pad)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
