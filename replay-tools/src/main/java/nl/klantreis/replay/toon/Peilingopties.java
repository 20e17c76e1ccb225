package nl.klantreis.replay.toon;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.projecties.klantreis.Klantgeschiedenis;
import nl.klantreis.projecties.tijd.Peiling;
import nl.klantreis.projecties.tijd.Tijdas;
import nl.klantreis.replay.commandoregel.Engineverbinding;
import nl.klantreis.replay.commandoregel.Leescommando;
import picocli.CommandLine.Option;

/**
 * The time options of the journey displays ({@code klantreis toon}, {@code klantreis van},
 * {@code mijnzaken toon}): which moment, on which time axis (together the {@link Peiling}), and
 * JSON or text.
 */
final class Peilingopties {
    @Option(names = "--alsop", paramLabel = "<tijd>",
            description = "toon het zoals het toen was (2026-03-10T12:00:00+01:00, 2026-03-10T12:00 in "
                    + "Europe/Amsterdam, of 2026-03-10: het eind van die dag; jaren 1900 tot en met 9999; "
                    + "zoals alsOp in de API); standaard nu")
    String alsOp;

    @Option(names = "--tijdas", defaultValue = "gebeurd", paramLabel = "gebeurd|bekend",
            description = "gebeurd: wat er toen gebeurd was; bekend: wat de engine toen wist (standaard ${DEFAULT-VALUE})")
    String tijdas;

    @Option(names = "--json", description = "JSON voor scripts in plaats van de tijdlijn")
    boolean json;

    /** The moment and axis asked for, read once by {@link #lees()}. */
    Peiling peiling;

    /** Reads {@code --alsop} and {@code --tijdas}; wrong use is a {@code VerkeerdGebruik}. */
    void lees() {
        peiling = new Peiling(Leescommando.moment(alsOp), Leescommando.tijdas(tijdas));
    }

    /**
     * Why an answer about a moment is empty, when the reason is that it lies before the
     * klant's history on the axis asked: on {@code bekend} the engine had not yet received
     * anything about him (typical right after loading old data: everything was sent today),
     * on {@code gebeurd} nothing had happened yet. Says nothing when neither is the reason.
     *
     * @param eersteGebeurd when his history began on the gebeurd axis, as the command counts it
     * @param wat           what the command lists, plural ("klantreizen")
     * @param eersteBegon   how that history began, e.g. "zijn eerste klantreis begon"
     */
    void legLeegUit(PrintWriter uit, Engineverbinding verbinding, KlantId klant,
                    Optional<Instant> eersteGebeurd, String wat, String eersteBegon) {
        if (peiling.tijdas() == Tijdas.BEKEND) {
            Optional<Instant> eerste = verbinding.bean(Klantgeschiedenis.class).eersteBekendOp(klant);
            if (eerste.isEmpty()) {
                uit.println("De engine heeft (nog) geen enkel bericht over deze klant ontvangen.");
            } else if (eerste.get().isAfter(peiling.moment())) {
                uit.println("Op " + Leescommando.tijd(peiling.moment()) + " wist de engine nog niets van deze klant: "
                        + "het eerste bericht over hem kwam binnen op " + Leescommando.tijd(eerste.get()) + ".");
                uit.println("Wat er op dat moment al gebeurd was, ook als het pas later binnenkwam, toont "
                        + "--tijdas gebeurd.");
            }
            return;
        }
        if (eersteGebeurd.isEmpty()) {
            uit.println("De engine kent (nog) geen " + wat + " van deze klant.");
        } else if (eersteGebeurd.get().isAfter(peiling.moment())) {
            uit.println("Op " + Leescommando.tijd(peiling.moment()) + " was er nog niets gebeurd: " + eersteBegon
                    + " op " + Leescommando.tijd(eersteGebeurd.get()) + ".");
        }
    }

    /** The timeline's heading when a moment was asked for: which moment, on which axis. */
    void kop(PrintWriter uit) {
        if (alsOp != null) {
            uit.println("Zoals " + (peiling.tijdas() == Tijdas.BEKEND ? "bekend" : "gebeurd") + " op "
                    + Leescommando.tijd(peiling.moment()) + " (Europe/Amsterdam)");
        }
    }
}
