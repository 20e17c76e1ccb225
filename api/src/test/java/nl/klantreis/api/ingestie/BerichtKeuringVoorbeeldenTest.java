package nl.klantreis.api.ingestie;

import static nl.klantreis.api.ingestie.BerichtKeuringFixture.keuringOp;
import static nl.klantreis.api.ingestie.BerichtKeuringFixture.pointers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples of the contract ({@code contract/examples/README.md}) judged as the README says. */
class BerichtKeuringVoorbeeldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CONTRACT = Path.of(System.getProperty("user.dir"))
            .resolve("../../shared/contract/examples");

    // after every time in the examples, before the far-future one
    private final BerichtKeuring keuring = keuringOp("2026-06-01T00:00:00Z");

    @Test
    void elkBerichtVanDeDakkapelreis_isGeldig() {
        List<Beoordeling> beoordelingen = keurBatch("klantreis-dakkapel.batch.json");

        assertThat(beoordelingen).hasSize(12);
        assertThat(beoordelingen).allSatisfy(b -> assertThat(b.fouten()).as("positie %d", b.positie()).isEmpty());
        assertThat(beoordelingen).extracting(Beoordeling::positie).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void dakkapelreis_wordtGelezenZoalsBedoeld() {
        List<Beoordeling> beoordelingen = keurBatch("klantreis-dakkapel.batch.json");

        KlantcontactBericht telefoon = (KlantcontactBericht) beoordelingen.get(0).bericht();
        assertThat(telefoon.id()).isEqualTo("kcc-000981");
        assertThat(telefoon.source()).isEqualTo("urn:nld:oin:00000001234567890000:systeem:kcc-telefonie");
        assertThat(telefoon.resultaat()).isEqualTo("doorverwezen");
        assertThat(telefoon.doorverwezenNaar()).isEqualTo("webformulier");
        assertThat(telefoon.duurSeconden()).isEqualTo(312);

        KlantcontactBericht formulier = (KlantcontactBericht) beoordelingen.get(1).bericht();
        assertThat(formulier.wasKlantcontact()).isEqualTo(telefoon.klantcontactId());

        ZaakGeregistreerdBericht zaak = (ZaakGeregistreerdBericht) beoordelingen.get(2).bericht();
        assertThat(zaak.identificatie()).isEqualTo("ZAAK-2026-0000123");
        assertThat(zaak.vertrouwelijkheid()).isEqualTo("openbaar");
        assertThat(zaak.omschrijving()).isEqualTo("Dakkapel aan de achterzijde");

        assertThat(((StatusGezetBericht) beoordelingen.get(4).bericht()).statustoelichting())
                .isEqualTo("Wij missen een bouwtekening van de achtergevel.");
        assertThat(((ZaakAfgeslotenBericht) beoordelingen.get(10).bericht()).resultaat()).isEqualTo("toegekend");

        KlantcontactBericht chat = (KlantcontactBericht) beoordelingen.get(11).bericht();
        assertThat(chat.kanaal()).isEqualTo("chat");
        assertThat(chat.kanaalOntvangen()).isEqualTo("webchat");
        assertThat(chat.klant().soort()).isEqualTo(Identificatiesoort.ANONIEM);
    }

    @Test
    void afgewezenBericht1_noemtUuidBsnEnKanaal() {
        Beoordeling beoordeling = keurBatch("afgewezen.batch.json").get(0);

        assertThat(pointers(beoordeling))
                .containsExactlyInAnyOrder("/data/klantcontactId", "/data/klant/bsn", "/data/kanaal");
        assertThat(beoordeling.id()).isEqualTo("bad-1");
        assertThat(beoordeling.bericht()).isNull();
    }

    @Test
    void afgewezenBericht2_noemtSpecversionStatustypeEnToekomstigTijdstip() {
        Beoordeling beoordeling = keurBatch("afgewezen.batch.json").get(1);

        assertThat(pointers(beoordeling))
                .containsExactlyInAnyOrder("/specversion", "/data/statustype", "/data/datumStatusGezet");
    }

    @Test
    void afgewezenBericht3_noemtAlleenHetOnbekendeType() {
        Beoordeling beoordeling = keurBatch("afgewezen.batch.json").get(2);

        assertThat(pointers(beoordeling)).containsExactly("/type");
        assertThat(beoordeling.type()).isEqualTo("nl.example.onbekend");
    }

    /**
     * The shipped copies ({@code voorbeelden/}) are the contract's files to the byte: their SHA-256
     * is recorded in {@code voorbeelden/SHA256SUMS}, taken from the contract when they were copied,
     * and where the contract is checked out beside the project they are compared with it as well.
     */
    @ParameterizedTest
    @ValueSource(strings = {"klantreis-dakkapel.batch.json", "afgewezen.batch.json"})
    void kopieInVoorbeelden_isHetContract(String bestand) throws Exception {
        Path voorbeelden = Path.of(System.getProperty("user.dir")).resolve("../voorbeelden");
        byte[] kopie = Files.readAllBytes(voorbeelden.resolve(bestand));
        String opgetekend = Files.readAllLines(voorbeelden.resolve("SHA256SUMS")).stream()
                .filter(regel -> regel.endsWith("  " + bestand)).map(regel -> regel.substring(0, 64))
                .findFirst().orElseThrow(() -> new AssertionError(bestand + " ontbreekt in SHA256SUMS"));
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(kopie)))
                .as(bestand + " is veranderd ten opzichte van het contract").isEqualTo(opgetekend);
        Path contract = CONTRACT.resolve(bestand);
        if (Files.exists(contract)) {
            assertThat(kopie).as("het contract naast het project").isEqualTo(Files.readAllBytes(contract));
        }
    }

    private List<Beoordeling> keurBatch(String bestand) {
        JsonNode batch = lees(bestand);
        List<Beoordeling> beoordelingen = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            beoordelingen.add(keuring.keur(i, batch.get(i)));
        }
        return beoordelingen;
    }

    /** From the test classpath; the contract next to the repository when the copy is missing. */
    private static JsonNode lees(String bestand) {
        try (InputStream in = BerichtKeuringVoorbeeldenTest.class.getResourceAsStream("/voorbeelden/" + bestand)) {
            if (in != null) {
                return JSON.readTree(in);
            }
            return JSON.readTree(CONTRACT.resolve(bestand).toFile());
        } catch (IOException e) {
            throw new IllegalStateException("voorbeeld " + bestand + " niet te lezen", e);
        }
    }
}
