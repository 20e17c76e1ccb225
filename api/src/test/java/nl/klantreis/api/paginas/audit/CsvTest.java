package nl.klantreis.api.paginas.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void eenGewoonVeldBlijftZoals() {
        assertThat(Csv.regel(List.of("mijnzaken-inzien", "k-abc", "42"))).isEqualTo("mijnzaken-inzien,k-abc,42\r\n");
    }

    @Test
    void kommaAanhalingstekenEnRegeleindeVolgensRfc4180() {
        assertThat(Csv.veld("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.veld("zei \"ja\"")).isEqualTo("\"zei \"\"ja\"\"\"");
        assertThat(Csv.veld("twee\nregels")).isEqualTo("\"twee\nregels\"");
        assertThat(Csv.veld("cr\rhier")).isEqualTo("\"cr\rhier\"");
    }

    @Test
    void leegEnNullZijnEenLeegVeld() {
        assertThat(Csv.regel(Arrays.asList("a", null, "", "b"))).isEqualTo("a,,,b\r\n");
    }

    @Test
    void eenFormuleWordtTekstVoorEenRekenblad() {
        // OWASP CSV injection: =, +, -, @, tab and CR at the start make a spreadsheet evaluate the cell.
        assertThat(Csv.veld("=HYPERLINK(\"http://x\",\"klik\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"");
        assertThat(Csv.veld("+1+2")).isEqualTo("\"'+1+2\"");
        assertThat(Csv.veld("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(Csv.veld("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(Csv.veld("\tx")).isEqualTo("\"'\tx\"");
        assertThat(Csv.veld("\rx")).isEqualTo("\"'\rx\"");
        // Only at the start: inside a value these are plain characters.
        assertThat(Csv.veld("a=b-c+d@e")).isEqualTo("a=b-c+d@e");
        assertThat(Csv.veld("test-medewerker")).isEqualTo("test-medewerker");
    }

    @Test
    void utf8TekensBlijvenStaan() {
        assertThat(Csv.veld("één – Zoë")).isEqualTo("één – Zoë");
    }
}
