package nl.klantreis.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command of this tool answers --help with its usage and exit code 0, without a database. */
class HulpTest {

    @ParameterizedTest
    @ValueSource(strings = {"toon", "van", "klantreis toon", "klantreis van", "mijnzaken toon", "projectie herbouw",
            "wat-als", "audit verifieer", "audit betrokkene", "bronnen inlezen", "bronnen meldingen", "bronnen opnieuw"})
    void helpGeeftGebruik(String commando) {
        StringWriter uit = new StringWriter();
        String[] argumenten = (commando + " --help").split(" ");
        int code = KlantreisGereedschap.commandoregel().setOut(new PrintWriter(uit, true)).execute(argumenten);

        assertThat(code).isZero();
        assertThat(uit.toString()).startsWith("Usage: klantreis " + commando).contains("--db-url");
    }

    /** abonneer talks to Open Notificaties only: no database options, its configuration and --droog instead. */
    @Test
    void abonneerGeeftGebruik_zonderDatabase() {
        StringWriter uit = new StringWriter();
        int code = KlantreisGereedschap.commandoregel().setOut(new PrintWriter(uit, true))
                .execute("bronnen", "abonneer", "--help");

        assertThat(code).isZero();
        assertThat(uit.toString()).startsWith("Usage: klantreis bronnen abonneer").contains("--configuratie")
                .contains("--droog").doesNotContain("--db-url");
    }
}
