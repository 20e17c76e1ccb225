package nl.klantreis.replay.commandoregel;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * The engine's data directory ({@code --data-map}, default {@code KLANTREIS_DATA_MAP}, else
 * {@code ./data}) as a picocli mixin: where the local signing key and the embedded PostgreSQL are.
 */
public final class Datamap {
    @Option(names = "--data-map", defaultValue = "${env:KLANTREIS_DATA_MAP:-./data}",
            description = "de datamap van de engine, standaard ${DEFAULT-VALUE}")
    Path dataMap;

    public Path map() {
        return dataMap;
    }
}
