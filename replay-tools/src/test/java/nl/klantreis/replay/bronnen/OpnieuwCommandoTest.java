package nl.klantreis.replay.bronnen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.klantreis.bronnen.Meldingenopslag;
import nl.klantreis.bronnen.Meldingenopslag.Toestand;
import nl.klantreis.infrastructuur.TestDatabase;
import nl.klantreis.replay.Testomgeving;

/** {@code klantreis bronnen opnieuw} over a queue with meldingen in every state but genegeerd ({@link Bronnenproef#vulWachtrij}). */
class OpnieuwCommandoTest {
    private DataSource database;
    private Map<String, Long> ids;
    private Meldingenopslag opslag;

    @BeforeEach
    void vul() {
        database = TestDatabase.nieuweDatabase();
        ids = Bronnenproef.vulWachtrij(database);
        opslag = new Meldingenopslag(database, Clock.systemUTC());
    }

    private Testomgeving.Uitvoer opnieuw(String... opties) {
        String[] argumenten = new String[opties.length + 2];
        argumenten[0] = "bronnen";
        argumenten[1] = "opnieuw";
        System.arraycopy(opties, 0, argumenten, 2, opties.length);
        return Bronnenproef.voerUit(database, argumenten);
    }

    private Toestand toestand(String naam) {
        for (Toestand t : Toestand.values()) {
            if (opslag.lijst(t, ids.get(naam) - 1, 1).stream().anyMatch(r -> r.melding().id() == ids.get(naam))) {
                return t;
            }
        }
        throw new AssertionError("melding " + naam + " is weg");
    }

    private Map<Toestand, Long> telling(long wachtend, long weg, long ongekoppeld, long geweigerd, long dood) {
        return Map.of(Toestand.WACHTEND, wachtend, Toestand.VERWERKT, 1L, Toestand.WEG, weg, Toestand.ONGEKOPPELD,
                ongekoppeld, Toestand.GEWEIGERD, geweigerd, Toestand.DOOD, dood, Toestand.GENEGEERD, 0L);
    }

    @Test
    void perId_alleenWatOpnieuwKan_enDeMeldingZegtWatNiet() {
        Testomgeving.Uitvoer uitvoer = opnieuw("--id", ids.get("dood2") + "," + ids.get("verwerkt"));

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        assertThat(uitvoer.uit()).isEqualTo("1 melding opnieuw klaargezet (1 van de opgegeven id's bestaan niet of staan"
                + " niet in dood, geweigerd, ongekoppeld of weg)" + System.lineSeparator());
        assertThat(toestand("dood2")).isEqualTo(Toestand.WACHTEND);
        assertThat(toestand("verwerkt")).isEqualTo(Toestand.VERWERKT);
        assertThat(opslag.telling()).isEqualTo(telling(2, 1, 1, 1, 2));
        // Back as new: no tries counted, the reason of its last try kept to see what happened.
        Meldingenopslag.Regel terug = opslag.lijst(Toestand.WACHTEND, ids.get("dood2") - 1, 1).get(0);
        assertThat(terug.melding().pogingen()).isZero();
        assertThat(terug.afgehandeldOp()).isNull();
    }

    @Test
    void perId_eenIdTweemaalOfOnbekend() {
        Testomgeving.Uitvoer tweemaal = opnieuw("--id", ids.get("weg") + "," + ids.get("weg"));
        assertThat(tweemaal.code()).as(tweemaal.fout()).isZero();
        assertThat(tweemaal.uit()).isEqualTo("1 melding opnieuw klaargezet" + System.lineSeparator());

        Testomgeving.Uitvoer onbekend = opnieuw("--id", "999999");
        assertThat(onbekend.code()).isZero();
        assertThat(onbekend.uit()).startsWith("0 meldingen opnieuw klaargezet (1 van de opgegeven id's bestaan niet");
        assertThat(opslag.telling()).isEqualTo(telling(2, 0, 1, 1, 3));
    }

    @Test
    void perToestand_alleenDieToestand() {
        Testomgeving.Uitvoer uitvoer = opnieuw("--toestand", "dood");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        assertThat(uitvoer.uit()).isEqualTo("3 meldingen opnieuw klaargezet" + System.lineSeparator());
        assertThat(opslag.telling()).isEqualTo(telling(4, 1, 1, 1, 0));
    }

    @Test
    void alles_zetDeHerhaalbareToestandenTerug_nietVerwerkt() {
        Testomgeving.Uitvoer uitvoer = opnieuw("--alles");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        assertThat(uitvoer.uit()).isEqualTo("6 meldingen opnieuw klaargezet" + System.lineSeparator());
        assertThat(opslag.telling()).isEqualTo(telling(7, 0, 0, 0, 0));
        assertThat(toestand("verwerkt")).isEqualTo(Toestand.VERWERKT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "                              | kies precies één van --id, --toestand en --alles",
            "--id 1 --alles                | kies precies één van --id, --toestand en --alles",
            "--toestand dood --alles       | kies precies één van --id, --toestand en --alles",
            "--id 1 --toestand dood        | kies precies één van --id, --toestand en --alles",
            "--toestand verwerkt           | --toestand: alleen dood, geweigerd, ongekoppeld of weg kunnen opnieuw",
            "--toestand wachtend           | --toestand: alleen dood, geweigerd, ongekoppeld of weg kunnen opnieuw",
            "--toestand onzin              | --toestand: alleen dood, geweigerd, ongekoppeld of weg kunnen opnieuw"})
    void verkeerdGebruik_exit2_enNietsVeranderd(String opties, String uitleg) {
        Testomgeving.Uitvoer uitvoer = opties == null ? opnieuw() : opnieuw(opties.trim().split(" +"));

        assertThat(uitvoer.code()).isEqualTo(2);
        assertThat(uitvoer.uit()).isEmpty();
        assertThat(uitvoer.fout()).startsWith(uitleg.trim()).contains("Usage: klantreis bronnen opnieuw");
        assertThat(opslag.telling()).isEqualTo(telling(1, 1, 1, 1, 3));
    }
}
