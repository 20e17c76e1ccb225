package nl.klantreis.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.domein.gedeeld.Bsn;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.klant.VergeetKlant;
import nl.klantreis.domein.klantreis.KlantreisRegels;
import nl.klantreis.domein.klantreis.Klantreissoort;
import nl.klantreis.infrastructuur.audit.Ketenhash;

/**
 * The tools after the dakkapel klant was forgotten (ADR 0016): from his BSN they find nothing of his
 * history, exactly as for a BSN never seen; his klantreis is not found by its old id; the export
 * keeps his klantreizen only under an anonymous key; {@code audit betrokkene} shows his forgetting
 * and what came after, nothing before.
 */
class VergetenCommandosTest {
    private static final String ONBEKEND_BSN = "111222333";
    /** A fixed peilmoment, so two answers can be compared whole. */
    private static final String PEIL = "2026-09-01T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Testomgeving omgeving;
    private static KlantId klant;
    private static String zaakreis;

    @BeforeAll
    static void vul() {
        omgeving = Testomgeving.nieuw();
        Verhaal verhaal = new Verhaal(omgeving.schrijver().pseudoniemen()).dakkapel();
        klant = verhaal.klant;
        zaakreis = KlantreisRegels.klantreisId(klant, Klantreissoort.ZAAK, Verhaal.DAKKAPEL.toString()).toString();
        omgeving.stuur(verhaal.opdrachten);
        omgeving.wachtOpLeesmodellen();
        assertThat(omgeving.voerUit("klantreis", "toon", zaakreis).code()).isZero();
        omgeving.stuur(java.util.List.of(new VergeetKlant(klant, Instant.parse("2026-06-01T10:00:00Z"))));
        omgeving.wachtOpLeesmodellen();
        schrijfAuditlog();
    }

    @AfterAll
    static void sluit() {
        omgeving.close();
    }

    @Test
    void klantreisVan_vindtNietsVanHem_zoalsVoorEenOnbekendBsn() {
        Testomgeving.Uitvoer hij = omgeving.voerUit("klantreis", "van", "--bsn", Verhaal.BSN, "--json",
                "--alsop", PEIL);
        Testomgeving.Uitvoer onbekend = omgeving.voerUit("klantreis", "van", "--bsn", ONBEKEND_BSN, "--json",
                "--alsop", PEIL);

        assertThat(hij.code()).as(hij.fout()).isEqualTo(onbekend.code());
        assertThat(zonderPseudoniemen(hij.uit())).isEqualTo(zonderPseudoniemen(onbekend.uit()));
        assertThat(hij.uit()).doesNotContain(zaakreis).doesNotContain(Verhaal.DAKKAPEL.toString())
                .doesNotContain(Verhaal.BSN);
    }

    @Test
    void klantreisToon_vindtZijnOudeKlantreisNiet_zoalsEenOnbestaande() {
        String onbestaand = UUID.nameUUIDFromBytes("bestaat-niet".getBytes()).toString();
        Testomgeving.Uitvoer hij = omgeving.voerUit("klantreis", "toon", zaakreis, "--alsop", PEIL);
        Testomgeving.Uitvoer niets = omgeving.voerUit("klantreis", "toon", onbestaand, "--alsop", PEIL);

        assertThat(hij.code()).isNotZero().isEqualTo(niets.code());
        assertThat(hij.uit() + hij.fout()).isEqualTo((niets.uit() + niets.fout()).replace(onbestaand, zaakreis));
    }

    @Test
    void mijnzakenToon_toontGeenZakenMeer_zoalsVoorEenOnbekendBsn() throws Exception {
        Testomgeving.Uitvoer hij = omgeving.voerUit("mijnzaken", "toon", "--bsn", Verhaal.BSN, "--json",
                "--alsop", PEIL);
        Testomgeving.Uitvoer onbekend = omgeving.voerUit("mijnzaken", "toon", "--bsn", ONBEKEND_BSN, "--json",
                "--alsop", PEIL);

        assertThat(hij.code()).as(hij.fout()).isZero();
        assertThat(JSON.readTree(hij.uit()).path("zaken")).isEmpty();
        assertThat(zonderPseudoniemen(hij.uit())).isEqualTo(zonderPseudoniemen(onbekend.uit()));
    }

    @Test
    void exportKlantreizen_houdtZijnKlantreizenAlleenAnoniem(@TempDir Path map) throws Exception {
        Path uit = map.resolve("reizen.csv");
        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("export", "klantreizen", "--peilmoment", PEIL, "--uit",
                uit.toString(), "--stil");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        String reizen = Files.readString(uit);
        String stappen = Files.readString(map.resolve("reizen.stappen.csv"));
        assertThat(reizen).doesNotContain(klant.waarde()).doesNotContain(zaakreis).contains("vergeten-");
        assertThat(stappen).doesNotContain(klant.waarde()).doesNotContain(zaakreis);
        assertThat(reizen.lines().count()).as("kop en zijn ene klantreis").isEqualTo(2);
    }

    @Test
    void auditBetrokkene_toontZijnVergetenEnWatDaarnaKwam_nietsDaarvoor() throws Exception {
        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("audit", "betrokkene", "--bsn", Verhaal.BSN, "--json");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        JsonNode verwerkingen = JSON.readTree(uitvoer.uit()).path("verwerkingen");
        assertThat(verwerkingen).extracting(v -> v.path("activiteit").asText())
                .containsExactly("klant-vergeten", "mijnzaken-inzien");
    }

    private static String zonderPseudoniemen(String tekst) {
        return tekst.replace(klant.waarde(), "<klant>")
                .replace(omgeving.schrijver().pseudoniemen().voor(new Bsn(ONBEKEND_BSN)).waarde(), "<klant>");
    }

    /** Before, at and after his forgetting, as the engine's audit writer chains them. */
    private static void schrijfAuditlog() {
        JdbcTemplate jdbc = new JdbcTemplate(omgeving.database());
        Ketenhash keten = new Ketenhash();
        byte[] vorige = Ketenhash.BEGIN;
        String[] activiteiten = {"klantbeeld-inzien", "klant-vergeten", "mijnzaken-inzien"};
        for (int nummer = 1; nummer <= activiteiten.length; nummer++) {
            Instant tijdstip = Ketenhash.opMicroseconde(Instant.parse("2026-06-0" + nummer + "T09:00:00.123456Z"));
            byte[] hash = keten.verwerking(vorige, nummer, "trace-" + nummer, "span-1", tijdstip,
                    activiteiten[nummer - 1], "dienstverlening", "publieke-taak", klant.waarde(), "gelukt");
            jdbc.update("insert into verwerking (volgnummer, trace_id, span_id, tijdstip, activiteit, doel, grondslag,"
                    + " betrokkene, resultaat, vorige_hash, hash) values (?, ?, 'span-1', ?, ?, 'dienstverlening',"
                    + " 'publieke-taak', ?, 'gelukt', ?, ?)", nummer, "trace-" + nummer, Timestamp.from(tijdstip),
                    activiteiten[nummer - 1], klant.waarde(), vorige, hash);
            vorige = hash;
        }
        jdbc.update("update auditketen set volgnummer = 3, laatste_hash = ? where naam = 'verwerking'", vorige);
    }
}
