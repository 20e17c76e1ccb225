package nl.klantreis.replay.bronnen;

import java.nio.file.Files;
import java.nio.file.Path;

import nl.klantreis.bronnen.Bronconfiguratie;
import nl.klantreis.infrastructuur.referentie.Referentiegegevens;
import picocli.CommandLine.Option;

/**
 * {@code --configuratie}: the engine's source configuration (the file {@code KLANTREIS_BRONNEN_CONFIGURATIE} names),
 * read and checked as the engine reads it, with {@code ${NAME}} from this process's environment.
 */
public final class Configuratieoptie {
    @Option(names = "--configuratie", defaultValue = "${env:KLANTREIS_BRONNEN_CONFIGURATIE}",
            description = "de bronconfiguratie (YAML) van de engine; standaard KLANTREIS_BRONNEN_CONFIGURATIE")
    Path bestand;

    /** @throws IllegalArgumentException for wrong use (no file): the command answers exit code 2 */
    Bronconfiguratie lees() {
        if (bestand == null) {
            throw new IllegalArgumentException("geef --configuratie of zet KLANTREIS_BRONNEN_CONFIGURATIE");
        }
        if (!Files.isRegularFile(bestand)) {
            throw new IllegalArgumentException("bronconfiguratie " + bestand + " bestaat niet");
        }
        Referentiegegevens referentie = Referentiegegevens.laadStandaard();
        return Bronconfiguratie.lees(bestand, Bronconfiguratie.uit(System.getenv()), referentie.catalogus(),
                referentie.kanalen());
    }
}
