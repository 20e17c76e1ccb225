package nl.klantreis.replay.token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;

import nl.klantreis.domein.gedeeld.Bsn;
import nl.klantreis.infrastructuur.beveiliging.LokaleSleutel;
import nl.klantreis.infrastructuur.beveiliging.Tokenmaker;
import nl.klantreis.replay.commandoregel.Datamap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Mints a token signed with the local key of an engine in local mode (the key under its data
 * directory), so a person trying the engine can call every endpoint. Prints only the token.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Maakt een token voor de lokale sleutel van de engine.")
public final class TokenCommando implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rol", required = true,
            description = "bron, burger, medewerker, analist, auditor of beheerder")
    String rol;

    @Option(names = "--bsn", description = "het BSN van de burger (alleen bij --rol burger, verplicht dan)")
    String bsn;

    @Option(names = "--actor", description = "wie de token gebruikt (sub); standaard een nieuwe id")
    String actor;

    @Option(names = "--organisatieonderdeel", description = "afdeling van de medewerker")
    String organisatieonderdeel;

    @Option(names = "--geldig", defaultValue = "PT8H", description = "geldigheid (ISO 8601-duur), standaard ${DEFAULT-VALUE}")
    Duration geldig;

    @Mixin
    Datamap datamap;

    @Override
    public Integer call() {
        Path dataMap = datamap.map();
        if (!Tokenmaker.ROLLEN.contains(rol)) {
            return verkeerdGebruik("onbekende rol '" + rol + "'; kies uit " + Tokenmaker.ROLLEN);
        }
        if (rol.equals("burger") != (bsn != null)) {
            return verkeerdGebruik("--bsn hoort bij --rol burger, en alleen daarbij");
        }
        if (bsn != null && !Bsn.isGeldig(bsn)) {
            return verkeerdGebruik("--bsn is geen geldig BSN (9 cijfers en elfproef)");
        }
        if (!Files.exists(LokaleSleutel.bestand(dataMap))) {
            spec.commandLine().getErr().println("Geen sleutel in " + dataMap.toAbsolutePath()
                    + ": start de engine eerst (die maakt de sleutel), of geef --data-map op.");
            return 1;
        }
        Tokenmaker tokens = new Tokenmaker(LokaleSleutel.laadOfMaak(dataMap));
        String wie = actor != null ? actor : rol + "-" + UUID.randomUUID();
        spec.commandLine().getOut().println(tokens.maak(wie, rol, bsn, organisatieonderdeel, geldig));
        return 0;
    }

    private int verkeerdGebruik(String uitleg) {
        spec.commandLine().getErr().println(uitleg);
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
