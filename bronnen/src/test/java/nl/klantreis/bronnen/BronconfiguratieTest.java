package nl.klantreis.bronnen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import nl.klantreis.infrastructuur.referentie.Referentiegegevens;

class BronconfiguratieTest {
    private static final Referentiegegevens REFERENTIE = Referentiegegevens.laadStandaard();
    private static final Map<String, String> OMGEVING = Map.of("OZ_SECRET", "een-geheim-van-de-gemeente",
            "NOTIFICATIES", "Bearer 0123456789abcdef0123");

    private static final String GELDIG = """
            notificaties:
              autorisatie: ["${NOTIFICATIES}"]
              callbackUrl: https://klantreis.example.nl/api/v1/notificaties
            verwerking:
              werkers: 3
              klantcontactRust: PT5S
            openZaak:
              source: urn:nld:oin:00000001234567890000:systeem:open-zaak
              zakenApi: https://openzaak.example.nl/zaken/api/v1/
              catalogiApi: https://openzaak.example.nl/catalogi/api/v1
              authenticatie: {clientId: klantreis, secret: "${OZ_SECRET}"}
            openKlant:
              source: urn:nld:oin:00000001234567890000:systeem:open-klant
              klantinteractiesApi: https://openklant.example.nl/klantinteracties/api/v1
              authenticatie: {header: "Token abc"}
            zaaktypen:
              - identificatie: ZT-OMG
                zaaktype: omgevingsvergunning
                kanaal: webformulier
                statustypen: {"1": ontvangen, "2": aanvulling-gevraagd, "Afgehandeld": "-"}
                resultaattypen: {Verleend: toegekend}
            onderwerpen:
              "  Dakkapel ": omgevingsvergunning
            """;

    @Test
    void eenGeldigBestand_wordtGelezenMetGeheimenUitDeOmgeving() {
        Bronconfiguratie c = lees(GELDIG);

        assertThat(c.notificaties().autorisatie()).containsExactly("Bearer 0123456789abcdef0123");
        assertThat(c.openZaak().authenticatie().secret()).isEqualTo("een-geheim-van-de-gemeente");
        assertThat(c.openZaak().zakenApi().toString()).isEqualTo("https://openzaak.example.nl/zaken/api/v1");
        assertThat(c.openKlant().authenticatie().header()).isEqualTo("Token abc");
        assertThat(c.verwerking().werkers()).isEqualTo(3);
        assertThat(c.verwerking().klantcontactRust()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.verwerking().pogingen()).isEqualTo(Bronconfiguratie.Verwerking.STANDAARD.pogingen());
        assertThat(c.koppeling("https://elders/zaaktypen/1", "ZT-OMG")).get()
                .extracting(Bronconfiguratie.Zaaktypekoppeling::zaaktype).isEqualTo("omgevingsvergunning");
        assertThat(c.koppeling("https://elders/zaaktypen/1", "ZT-ANDERS")).isEmpty();
        assertThat(c.onderwerp("dakkapel")).contains("omgevingsvergunning");
        assertThat(c.onderwerp("status-navraag")).contains("status-navraag");
        assertThat(c.onderwerp("paspoort-aanvragen")).contains("paspoort-aanvragen");
        assertThat(c.onderwerp("iets anders")).isEmpty();
    }

    @Test
    void elkProbleemWordtGenoemd_nietAlleenHetEerste() {
        String fout = """
                notificaties:
                  autorisatie: ["kort"]
                verwerking: {werkers: 0, eersteWacht: tien}
                openZaak:
                  source: open-zaak
                  zakenApi: ftp://openzaak.example.nl/zaken
                  authenticatie: {clientId: klantreis}
                zaaktypen:
                  - zaaktype: dakkapel
                    kanaal: postduif
                    statustypen: {"1": bestaat-niet}
                onderwerpen: {X: ook-niet}
                onbekend: 1
                """;
        assertThatThrownBy(() -> lees(fout)).isInstanceOf(Bronconfiguratie.Ongeldig.class)
                .satisfies(e -> assertThat(((Bronconfiguratie.Ongeldig) e).problemen()).anySatisfy(p -> assertThat(p).startsWith("notificaties.autorisatie"))
                        .anySatisfy(p -> assertThat(p).startsWith("verwerking.werkers"))
                        .anySatisfy(p -> assertThat(p).startsWith("verwerking.eersteWacht"))
                        .anySatisfy(p -> assertThat(p).startsWith("openZaak.source"))
                        .anySatisfy(p -> assertThat(p).startsWith("openZaak.zakenApi"))
                        .anySatisfy(p -> assertThat(p).startsWith("openZaak.catalogiApi"))
                        .anySatisfy(p -> assertThat(p).startsWith("openZaak.authenticatie"))
                        .anySatisfy(p -> assertThat(p).startsWith("zaaktypen[0]: geef url of identificatie"))
                        .anySatisfy(p -> assertThat(p).startsWith("zaaktypen[0].zaaktype: 'dakkapel'"))
                        .anySatisfy(p -> assertThat(p).startsWith("zaaktypen[0].kanaal: 'postduif'"))
                        .anySatisfy(p -> assertThat(p).startsWith("onderwerpen.X"))
                        .anySatisfy(p -> assertThat(p).startsWith("onbekend: onbekende sleutel")));
    }

    @Test
    void eenStatustypeDatNietBijHetZaaktypeHoort_wordtGeweigerd() {
        String fout = GELDIG.replace("\"2\": aanvulling-gevraagd", "\"2\": afspraak-gemaakt");
        assertThatThrownBy(() -> lees(fout)).isInstanceOf(Bronconfiguratie.Ongeldig.class)
                .hasMessageContaining("zaaktypen[0].statustypen.2: 'afspraak-gemaakt' is geen statustype van omgevingsvergunning");
    }

    @Test
    void eenOntbrekendeOmgevingsvariabele_wordtGenoemd() {
        UnaryOperator<String> leeg = Bronconfiguratie.uit(Map.of("NOTIFICATIES", "Bearer 0123456789abcdef0123"));
        assertThatThrownBy(() -> Bronconfiguratie.lees(stroom(GELDIG), "test.yaml", leeg, REFERENTIE.catalogus(),
                REFERENTIE.kanalen())).isInstanceOf(Bronconfiguratie.Ongeldig.class)
                .hasMessageContaining("openZaak.authenticatie.secret: omgevingsvariabele OZ_SECRET is niet gezet")
                .satisfies(e -> assertThat(((Bronconfiguratie.Ongeldig) e).problemen()).hasSize(1));
    }

    @Test
    void geenYaml_isEenDuidelijkeFout() {
        assertThatThrownBy(() -> lees("notificaties: [\n")).isInstanceOf(Bronconfiguratie.Ongeldig.class)
                .hasMessageContaining("geen geldige YAML");
    }

    static Bronconfiguratie lees(String yaml) {
        return Bronconfiguratie.lees(stroom(yaml), "test.yaml", Bronconfiguratie.uit(OMGEVING), REFERENTIE.catalogus(),
                REFERENTIE.kanalen());
    }

    private static ByteArrayInputStream stroom(String tekst) {
        return new ByteArrayInputStream(tekst.getBytes(StandardCharsets.UTF_8));
    }
}
