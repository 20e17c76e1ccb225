package nl.klantreis.replay.bronnen;

import java.time.Clock;
import java.util.List;

import nl.klantreis.bronnen.Meldingenopslag;
import nl.klantreis.bronnen.Meldingenopslag.Toestand;
import nl.klantreis.replay.commandoregel.Engineverbinding;
import nl.klantreis.replay.commandoregel.Leescommando;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Puts dead letters and the like back in the queue, e.g. after a source came back or a mapping was fixed (the
 * engine must have been restarted with the new configuration). The engine's workers take them at once.
 */
@Command(name = "opnieuw", mixinStandardHelpOptions = true,
        description = "Zet meldingen opnieuw klaar (dood, geweigerd, ongekoppeld of weg): per id, per toestand, of --alles.")
final class OpnieuwCommando extends Leescommando {
    @Option(names = "--id", split = ",", description = "de id('s) van de meldingen (zie 'klantreis bronnen meldingen')")
    List<Long> ids;

    @Option(names = "--toestand", description = "alle meldingen in deze toestand: dood, geweigerd, ongekoppeld of weg")
    String toestand;

    @Option(names = "--alles", description = "alle meldingen die dood, geweigerd, ongekoppeld of weg zijn")
    boolean alles;

    private Toestand gekozen;

    @Override
    protected void controleer() {
        int keuzes = (ids != null && !ids.isEmpty() ? 1 : 0) + (toestand != null ? 1 : 0) + (alles ? 1 : 0);
        if (keuzes != 1) {
            throw new VerkeerdGebruik("kies precies één van --id, --toestand en --alles");
        }
        if (toestand != null) {
            try {
                gekozen = Toestand.van(toestand);
            } catch (IllegalArgumentException e) {
                gekozen = null;
            }
            if (gekozen == null || !Toestand.HERHAALBAAR.contains(gekozen)) {
                throw new VerkeerdGebruik("--toestand: alleen dood, geweigerd, ongekoppeld of weg kunnen opnieuw");
            }
        }
    }

    @Override
    protected int voerUit(Engineverbinding verbinding) {
        Meldingenopslag opslag = new Meldingenopslag(verbinding.database(), Clock.systemUTC());
        // An id given twice is one melding: not counted as one that could not be put back.
        List<Long> uniek = ids == null ? List.of() : ids.stream().distinct().toList();
        int aantal = alles ? opslag.opnieuwAlles() : gekozen != null ? opslag.opnieuw(gekozen) : opslag.opnieuw(uniek);
        uit().println(aantal + (aantal == 1 ? " melding" : " meldingen") + " opnieuw klaargezet"
                + (ids != null && aantal < uniek.size() ? " (" + (uniek.size() - aantal)
                + " van de opgegeven id's bestaan niet of staan niet in dood, geweigerd, ongekoppeld of weg)" : ""));
        return 0;
    }
}
