package nl.klantreis.replay.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.klantreis.domein.gedeeld.Bsn;
import nl.klantreis.infrastructuur.audit.Ketenhash;
import nl.klantreis.replay.Testomgeving;
import nl.klantreis.replay.Verhaal;

/**
 * {@code audit verifieer} and {@code audit betrokkene}: an audit log written by the chain rules
 * ({@link Ketenhash}, as the engine writes it), then one record changed behind the triggers' back.
 */
class AuditCommandoTest {
    private static Testomgeving omgeving;
    private static String betrokkene;

    @BeforeAll
    static void vul() {
        omgeving = Testomgeving.nieuw();
        betrokkene = omgeving.schrijver().pseudoniemen().voor(new Bsn(Verhaal.BSN)).waarde();
        JdbcTemplate jdbc = new JdbcTemplate(omgeving.database());
        Ketenhash keten = new Ketenhash();
        byte[] vorigeVerwerking = Ketenhash.BEGIN;
        byte[] vorigeGebruiker = Ketenhash.BEGIN;
        for (int nummer = 1; nummer <= 6; nummer++) {
            Instant tijdstip = Ketenhash.opMicroseconde(Instant.parse("2026-03-1" + nummer + "T09:00:00.123456Z"));
            String trace = "trace-" + nummer;
            // Records 2 and 5 are about our burger, the rest about someone else.
            String wie = nummer == 2 || nummer == 5 ? betrokkene : "k-iemandanders000000000000000000";
            String activiteit = nummer == 5 ? "mijnzaken-lezen" : "klantbeeld-lezen";
            byte[] hash = keten.verwerking(vorigeVerwerking, nummer, trace, "span-1", tijdstip, activiteit,
                    "dienstverlening", "publieke-taak", wie, "gelukt");
            jdbc.update("insert into verwerking (volgnummer, trace_id, span_id, tijdstip, activiteit, doel, grondslag,"
                    + " betrokkene, resultaat, vorige_hash, hash) values (?, ?, 'span-1', ?, ?, 'dienstverlening',"
                    + " 'publieke-taak', ?, 'gelukt', ?, ?)", nummer, trace, Timestamp.from(tijdstip), activiteit, wie,
                    vorigeVerwerking, hash);
            vorigeVerwerking = hash;
            String actor = nummer == 5 ? "test-burger" : "medewerker-17";
            String rol = nummer == 5 ? "burger" : "medewerker";
            byte[] gebruikershash = keten.gebruikersaudit(vorigeGebruiker, nummer, trace, "span-1", tijdstip, activiteit,
                    actor, rol, "kcc");
            jdbc.update("insert into gebruikersaudit (volgnummer, trace_id, span_id, tijdstip, activiteit, actor, rol,"
                    + " organisatieonderdeel, vorige_hash, hash) values (?, ?, 'span-1', ?, ?, ?, ?, 'kcc', ?, ?)",
                    nummer, trace, Timestamp.from(tijdstip), activiteit, actor, rol, vorigeGebruiker, gebruikershash);
            vorigeGebruiker = gebruikershash;
        }
        jdbc.update("update auditketen set volgnummer = 6, laatste_hash = ? where naam = 'verwerking'", vorigeVerwerking);
        jdbc.update("update auditketen set volgnummer = 6, laatste_hash = ? where naam = 'gebruikersaudit'", vorigeGebruiker);
    }

    @AfterAll
    static void sluit() {
        omgeving.close();
    }

    @Test
    void betrokkene_toontElkeVerwerkingVanZijnGegevens_metWieZeDeed() {
        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("audit", "betrokkene", "--bsn", Verhaal.BSN);

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        assertThat(uitvoer.uit()).contains("Verwerkingen van de gegevens van klant " + betrokkene + " (2,")
                .doesNotContain(Verhaal.BSN);
        assertThat(uitvoer.uit().lines().filter(r -> r.startsWith("  2026-")).toList())
                .hasSize(2)
                .satisfiesExactly(
                        r -> assertThat(r).startsWith("  2026-03-12 10:00:00").contains("klantbeeld-lezen")
                                .contains("door medewerker-17 (medewerker), kcc").contains("trace-2"),
                        r -> assertThat(r).startsWith("  2026-03-15 10:00:00").contains("mijnzaken-lezen")
                                .contains("door test-burger (burger)").contains("trace-5"));
    }

    @Test
    void verifieer_toontVoortgangOpStderr_enHoudtJsonSchoon() {
        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("audit", "verifieer", "--voortgang", "--json");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isIn(0, 1);
        // The last progress line: both chains walked, 6 + 6 records of the 12 the heads announce.
        assertThat(uitvoer.fout()).contains("auditketen [########################] 12/12 records (100%)")
                .contains("records/s  klaar");
        assertThat(uitvoer.uit()).startsWith("{").doesNotContain("auditketen [");
    }

    @Test
    void verifieer_vindtEenGewijzigdRecord_enNoemtDeEersteBreuk() {
        Testomgeving.Uitvoer intact = omgeving.voerUit("audit", "verifieer");
        assertThat(intact.code()).as(intact.fout()).isZero();
        assertThat(intact.uit()).contains("Auditlog intact: 12 records gecontroleerd.");

        JdbcTemplate jdbc = new JdbcTemplate(omgeving.database());
        // An attacker with the rights to switch the append-only trigger off.
        jdbc.execute("alter table verwerking disable trigger verwerking_alleen_toevoegen");
        jdbc.update("update verwerking set doel = 'marketing' where volgnummer = 4");
        jdbc.execute("alter table verwerking enable trigger verwerking_alleen_toevoegen");

        Testomgeving.Uitvoer gebroken = omgeving.voerUit("audit", "verifieer");
        assertThat(gebroken.code()).isEqualTo(1);
        assertThat(gebroken.uit()).contains("Auditlog NIET intact. Eerste breuk: verwerking volgnummer 4 (gewijzigd).");

        Testomgeving.Uitvoer json = omgeving.voerUit("audit", "verifieer", "--json");
        assertThat(json.code()).isEqualTo(1);
        assertThat(json.uit()).contains("\"intact\" : false").contains("\"volgnummer\" : 4").contains("\"reden\" : \"gewijzigd\"");
    }
}
