package nl.klantreis.replay.commandoregel;

import picocli.CommandLine.Option;

/**
 * The report options of the long-running commands (simuleer, verstuur, export klantreizen), as a
 * picocli mixin ({@code @Mixin Verslagopties verslag;}): the report as JSON for a script, and no
 * progress line on stderr.
 */
public final class Verslagopties {
    @Option(names = "--json", description = "het verslag als JSON op stdout")
    boolean json;

    @Option(names = "--stil", description = "geen voortgangsregel op stderr")
    boolean stil;

    public boolean json() {
        return json;
    }

    public boolean stil() {
        return stil;
    }
}
