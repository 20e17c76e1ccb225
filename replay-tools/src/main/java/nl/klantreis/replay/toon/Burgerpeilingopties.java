package nl.klantreis.replay.toon;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.replay.commandoregel.Engineverbinding;
import nl.klantreis.replay.commandoregel.Leescommando;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the displays about one burger ({@code klantreis van}, {@code mijnzaken toon}):
 * whose, by BSN, and the {@link Peilingopties}. One block, so both commands ask and check the same.
 */
final class Burgerpeilingopties {
    @Option(names = "--bsn", required = true, paramLabel = "<nummer>",
            description = "het BSN van de burger (wordt meteen een pseudoniem en nooit getoond)")
    String bsn;

    @Mixin
    Peilingopties peiling = new Peilingopties();

    /** Checks the BSN and reads the peiling; wrong use is a {@code VerkeerdGebruik}. */
    void controleer() {
        Leescommando.controleerBsn(bsn);
        peiling.lees();
    }

    /** The burger's pseudonym; the BSN is forgotten at once, so it cannot leak into anything later. */
    KlantId burger(Engineverbinding verbinding) {
        KlantId burger = Leescommando.klantVan(bsn, verbinding);
        bsn = null;
        return burger;
    }
}
