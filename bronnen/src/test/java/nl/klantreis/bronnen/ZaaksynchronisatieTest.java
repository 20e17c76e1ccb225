package nl.klantreis.bronnen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import nl.klantreis.bronnen.nabootsing.Dakkapelverhaal;
import nl.klantreis.bronnen.nabootsing.Nabootsing;
import nl.klantreis.bronnen.nabootsing.Zgwwereld;
import nl.klantreis.infrastructuur.referentie.Referentiegegevens;

/**
 * The dakkapel story as Open Zaak and Open Klant hold it (the stand-in, checked against their specifications), read
 * by the adapter, gives the very facts of the contract's {@code klantreis-dakkapel.batch.json}: the same types and the
 * same data, message for message; and reading it again gives the same ids.
 */
class ZaaksynchronisatieTest {
    static final String GEHEIM = "geheim-van-de-zaakapplicatie";
    static final String TOKEN = "open-klant-token-0123456789";
    static final String AUTORISATIE = "Bearer notificaties-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Referentiegegevens REFERENTIE = Referentiegegevens.laadStandaard();

    private Nabootsing bron;
    private Dakkapelverhaal verhaal;
    private Bronconfiguratie configuratie;

    @BeforeEach
    void start() {
        bron = Nabootsing.start().zgwClient("klantreis", GEHEIM).token(TOKEN);
        verhaal = Dakkapelverhaal.bouw(bron.wereld());
        configuratie = configuratie(bron, GEHEIM);
    }

    @AfterEach
    void stop() {
        bron.close();
    }

    static Bronconfiguratie configuratie(Nabootsing bron, String geheim) {
        try (InputStream in = Dakkapelverhaal.class.getResourceAsStream(Dakkapelverhaal.CONFIGURATIE)) {
            return Bronconfiguratie.lees(in, "dakkapel", Dakkapelverhaal.omgeving(Map.of("NABOOTSING", bron.basis(),
                    "ZGW_SECRET", geheim, "OPENKLANT_TOKEN", TOKEN, "NOTIFICATIES_AUTORISATIE", AUTORISATIE)),
                    REFERENTIE.catalogus(), REFERENTIE.kanalen());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Resultaat leesZaak(Bronconfiguratie c) throws Bronfout {
        return Synchronisaties.voor(c, Clock.systemUTC()).synchroniseer(melding(Melding.Soort.ZAAK, verhaal.zaakUrl()));
    }

    static Melding melding(Melding.Soort soort, String url) {
        return new Melding(1, soort, url, soort == Melding.Soort.ZAAK ? "zaken" : "klantcontacten", "test", "create", null, 0);
    }

    @Test
    void deZaak_geeftDeZaakberichtenVanDeBatch() throws Exception {
        Resultaat resultaat = leesZaak(configuratie);

        assertThat(resultaat.uitkomst()).isEqualTo(Resultaat.Uitkomst.BERICHTEN);
        assertThat(feiten(resultaat.berichten(), "vertrouwelijkheid"))
                .containsExactlyInAnyOrderElementsOf(feiten(batch("nl.overheid.zaken."), "vertrouwelijkheid"));
        assertThat(resultaat.berichten()).allSatisfy(b -> assertThat(b.path("source").asText())
                .isEqualTo("urn:nld:oin:00000001234567890000:systeem:zaaksysteem"));
        assertThat(resultaat.berichten().get(0).path("data").path("vertrouwelijkheid").asText()).isEqualTo("openbaar");
    }

    @Test
    void deKlantcontacten_gevenDeKlantcontactberichtenVanDeBatch() throws Exception {
        Synchronisatie s = Synchronisaties.voor(configuratie, Clock.systemUTC());
        List<ObjectNode> berichten = new ArrayList<>();
        for (String url : verhaal.klantcontacten().values()) {
            Resultaat r = s.synchroniseer(melding(Melding.Soort.KLANTCONTACT, url));
            assertThat(r.uitkomst()).isEqualTo(Resultaat.Uitkomst.BERICHTEN);
            berichten.addAll(r.berichten());
        }
        assertThat(feiten(berichten)).containsExactlyInAnyOrderElementsOf(feiten(batch("nl.overheid.klantinteracties.")));
    }

    @Test
    void tweemaalLezen_geeftDezelfdeIds() throws Exception {
        List<String> eerste = leesZaak(configuratie).berichten().stream().map(b -> b.path("id").asText()).toList();
        List<String> tweede = leesZaak(configuratie).berichten().stream().map(b -> b.path("id").asText()).toList();

        assertThat(tweede).isEqualTo(eerste).doesNotHaveDuplicates().hasSize(8);
        assertThat(eerste).allSatisfy(id -> assertThat(id).hasSizeLessThanOrEqualTo(256));
    }

    @Test
    void eenZaakZonderInitiator_verteltDeStatussenEnWachtMetDeRegistratie() throws Exception {
        Zgwwereld w = bron.wereld();
        Zgwwereld.Wijziging zaak = w.zaak("11111111-2222-4333-8444-555555555555", "ZAAK-2026-0000999", verhaal.zaaktype(),
                LocalDate.parse("2026-05-01"), OffsetDateTime.parse("2026-05-01T10:00:00+02:00"), "Zonder initiator",
                null, "openbaar");
        w.status(zaak.url(), verhaal.zaaktype().statustype(1), OffsetDateTime.parse("2026-05-01T10:00:05+02:00"), null);

        Resultaat r = Synchronisaties.voor(configuratie, Clock.systemUTC()).synchroniseer(melding(Melding.Soort.ZAAK, zaak.url()));

        assertThat(r.uitkomst()).isEqualTo(Resultaat.Uitkomst.BERICHTEN);
        assertThat(r.berichten()).extracting(b -> b.path("type").asText()).containsExactly("nl.overheid.zaken.status-gezet");
        assertThat(r.toelichting()).contains("zonder initiator");

        w.initiatorKvk(zaak.url(), "68750110", null, OffsetDateTime.parse("2026-05-01T10:01:00+02:00"));
        Resultaat later = Synchronisaties.voor(configuratie, Clock.systemUTC()).synchroniseer(melding(Melding.Soort.ZAAK, zaak.url()));
        JsonNode registratie = later.berichten().get(0);
        assertThat(registratie.path("type").asText()).isEqualTo("nl.overheid.zaken.zaak-geregistreerd");
        assertThat(registratie.path("data").path("initiator").path("kvk").asText()).isEqualTo("68750110");
        // No communicatiekanaalNaam: the mapping's kanaal.
        assertThat(registratie.path("data").path("kanaal").asText()).isEqualTo("webformulier");
        assertThat(later.berichten().get(1).path("id").asText()).isEqualTo(r.berichten().get(0).path("id").asText());
    }

    @Test
    void eenVerlenging_uitDeAudittrail() throws Exception {
        bron.wereld().verlengen(verhaal.zaakUrl(), OffsetDateTime.parse("2026-04-01T09:00:00+02:00"), 14, "Advies nodig");

        List<ObjectNode> verlengingen = leesZaak(configuratie).berichten().stream()
                .filter(b -> b.path("type").asText().endsWith("zaak-verlengd")).toList();

        assertThat(verlengingen).hasSize(1);
        assertThat(verlengingen.get(0).path("data").path("duurDagen").asInt()).isEqualTo(14);
        assertThat(verlengingen.get(0).path("data").path("reden").asText()).isEqualTo("Advies nodig");
        assertThat(instant(verlengingen.get(0).path("data").path("verlengdOp").asText()))
                .isEqualTo(instant("2026-04-01T09:00:00+02:00"));
    }

    @Test
    void eenZaaktypeZonderKoppeling_isOngekoppeld_enVertelNiets() throws Exception {
        Bronconfiguratie zonder = new Bronconfiguratie(configuratie.notificaties(), configuratie.verwerking(),
                configuratie.openZaak(), configuratie.openKlant(), List.of(), configuratie.onderwerpen());

        Resultaat r = leesZaak(zonder);

        assertThat(r.uitkomst()).isEqualTo(Resultaat.Uitkomst.ONGEKOPPELD);
        assertThat(r.toelichting()).contains("ZT-OMGEVINGSVERGUNNING").contains(verhaal.zaaktype().url());
    }

    @Test
    void eenStatustypeZonderKoppeling_isOngekoppeld() throws Exception {
        Bronconfiguratie.Zaaktypekoppeling k = configuratie.zaaktypen().get(0);
        Map<String, String> zonderVier = new java.util.HashMap<>(k.statustypen());
        zonderVier.remove("4");
        Bronconfiguratie.Zaaktypekoppeling kleiner = new Bronconfiguratie.Zaaktypekoppeling(k.url(), k.identificatie(),
                k.zaaktype(), k.kanaal(), zonderVier, k.resultaattypen(), false);
        Bronconfiguratie c = new Bronconfiguratie(configuratie.notificaties(), configuratie.verwerking(),
                configuratie.openZaak(), configuratie.openKlant(), List.of(kleiner), configuratie.onderwerpen());

        Resultaat r = leesZaak(c);

        assertThat(r.uitkomst()).isEqualTo(Resultaat.Uitkomst.ONGEKOPPELD);
        assertThat(r.toelichting()).contains("volgnummer 4").contains("Besluit genomen");
    }

    @Test
    void eenZaakDieWegIs_isWeg_enEenOnbereikbareBron_isTijdelijk() throws Exception {
        bron.weg(verhaal.zaakUrl(), 410);
        assertThat(leesZaak(configuratie).uitkomst()).isEqualTo(Resultaat.Uitkomst.WEG);
        bron.herstel();

        bron.fout(503, 1);
        assertThatThrownBy(() -> leesZaak(configuratie)).isInstanceOfSatisfying(Bronfout.class,
                f -> assertThat(f.tijdelijk()).isTrue());
        bron.onbereikbaar(true);
        assertThatThrownBy(() -> leesZaak(configuratie)).isInstanceOfSatisfying(Bronfout.class,
                f -> assertThat(f.tijdelijk()).isTrue());
        bron.onbereikbaar(false);
        assertThat(leesZaak(configuratie).uitkomst()).isEqualTo(Resultaat.Uitkomst.BERICHTEN);
    }

    @Test
    void eenVerkeerdGeheim_isEenBlijvendeFout() {
        Bronconfiguratie fout = configuratie(bron, "niet-het-geheim-van-de-applicatie");
        assertThatThrownBy(() -> leesZaak(fout)).isInstanceOfSatisfying(Bronfout.class,
                f -> assertThat(f.tijdelijk()).isFalse()).hasMessageContaining("403");
    }

    @Test
    void eenKlantcontactZonderMetadata_leidtHetResultaatAf_enEenOnbekendOnderwerpIsOngekoppeld() throws Exception {
        Zgwwereld w = bron.wereld();
        Zgwwereld.Wijziging niet = w.klantcontact("22222222-2222-4333-8444-555555555555",
                OffsetDateTime.parse("2026-05-02T10:00:00+02:00"), "telefonisch", "Algemene-Vraag ", "x".repeat(1000), false,
                Map.of());
        w.betrokkeneKvk(niet.url(), "68750110");
        Zgwwereld.Wijziging onbekend = w.klantcontact("33333333-2222-4333-8444-555555555555",
                OffsetDateTime.parse("2026-05-02T11:00:00+02:00"), "telefoon", "Iets wat niemand koppelde", null, true,
                Map.of());

        Synchronisatie s = Synchronisaties.voor(configuratie, Clock.systemUTC());
        Resultaat r = s.synchroniseer(melding(Melding.Soort.KLANTCONTACT, niet.url()));
        JsonNode data = r.berichten().get(0).path("data");
        assertThat(data.path("resultaat").asText()).isEqualTo("niet-bereikt");
        assertThat(data.path("onderwerp").asText()).isEqualTo("algemene-vraag");
        assertThat(data.path("kanaal").asText()).isEqualTo("telefonisch");
        assertThat(data.path("klant").path("kvk").asText()).isEqualTo("68750110");
        assertThat(data.path("inhoud").asText()).hasSize(1000);

        Resultaat o = s.synchroniseer(melding(Melding.Soort.KLANTCONTACT, onbekend.url()));
        assertThat(o.uitkomst()).isEqualTo(Resultaat.Uitkomst.ONGEKOPPELD);
        assertThat(o.toelichting()).contains("Iets wat niemand koppelde");
    }

    /** The contract's dakkapel messages whose type starts with {@code prefix}. */
    static List<ObjectNode> batch(String prefix) {
        try (InputStream in = ZaaksynchronisatieTest.class.getResourceAsStream("/voorbeelden/klantreis-dakkapel.batch.json")) {
            List<ObjectNode> uit = new ArrayList<>();
            for (JsonNode b : JSON.readTree(in)) {
                if (b.path("type").asText().startsWith(prefix)) {
                    uit.add((ObjectNode) b);
                }
            }
            return uit;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Type and data, with every time as an instant (the sources write UTC, the batch +01:00) and {@code zonder} left out. */
    static List<String> feiten(List<ObjectNode> berichten, String... zonder) {
        List<String> uit = new ArrayList<>();
        for (ObjectNode b : berichten) {
            ObjectNode data = b.path("data").deepCopy();
            for (String veld : zonder) {
                data.remove(veld);
            }
            Iterator<Map.Entry<String, JsonNode>> velden = data.fields();
            while (velden.hasNext()) {
                Map.Entry<String, JsonNode> veld = velden.next();
                if (veld.getValue().isTextual() && instant(veld.getValue().asText()) != null) {
                    veld.setValue(TextNode.valueOf(instant(veld.getValue().asText()).toString()));
                }
            }
            uit.add(b.path("type").asText() + " " + JSON.convertValue(data, java.util.TreeMap.class));
        }
        return uit;
    }

    private static java.time.Instant instant(String tekst) {
        try {
            return OffsetDateTime.parse(tekst).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
