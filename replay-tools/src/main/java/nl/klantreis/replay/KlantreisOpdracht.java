package nl.klantreis.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.projecties.klantreis.Klantgeschiedenis;
import nl.klantreis.projecties.klantreis.Klantreis;
import nl.klantreis.projecties.klantreis.KlantreisVraag;
import nl.klantreis.projecties.klantreis.KlantreizenAntwoord;
import nl.klantreis.projecties.klantreis.KlantreizenVraag;
import nl.klantreis.projecties.tijd.Tijdas;
import nl.klantreis.projecties.mijnzaken.Zaakdetail;
import nl.klantreis.projecties.mijnzaken.ZaakdetailVraag;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A klantreis step by step, as a timeline in the terminal ({@link Tijdlijn}), now or as it was at a
 * moment on either time axis. {@code toon} and {@code van} also work directly under the tool
 * ({@code klantreis toon <id>}).
 */
@Command(name = "klantreis", mixinStandardHelpOptions = true,
        description = "Toont klantreizen als tijdlijn: stappen per kanaal, kanaalwissels en zaakstatussen.",
        subcommands = {KlantreisOpdracht.Toon.class, KlantreisOpdracht.Van.class, CommandLine.HelpCommand.class})
final class KlantreisOpdracht implements Runnable {
    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "kies toon of van");
    }

    /** The time options of both subcommands. */
    static class Peiling {
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
        Instant peilmoment;
        Tijdas as;

        /** Reads {@code --alsop} and {@code --tijdas}; wrong use is a {@code VerkeerdGebruik}. */
        void lees() {
            peilmoment = Leesopdracht.moment(alsOp);
            as = Leesopdracht.tijdas(tijdas);
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
        void legLeegUit(java.io.PrintWriter uit, Engineverbinding verbinding, KlantId klant,
                        Optional<Instant> eersteGebeurd, String wat, String eersteBegon) {
            if (as == Tijdas.BEKEND) {
                Optional<Instant> eerste = verbinding.bean(Klantgeschiedenis.class).eersteBekendOp(klant);
                if (eerste.isEmpty()) {
                    uit.println("De engine heeft (nog) geen enkel bericht over deze klant ontvangen.");
                } else if (eerste.get().isAfter(peilmoment)) {
                    uit.println("Op " + Leesopdracht.tijd(peilmoment) + " wist de engine nog niets van deze klant: "
                            + "het eerste bericht over hem kwam binnen op " + Leesopdracht.tijd(eerste.get()) + ".");
                    uit.println("Wat er op dat moment al gebeurd was, ook als het pas later binnenkwam, toont "
                            + "--tijdas gebeurd.");
                }
                return;
            }
            if (eersteGebeurd.isEmpty()) {
                uit.println("De engine kent (nog) geen " + wat + " van deze klant.");
            } else if (eersteGebeurd.get().isAfter(peilmoment)) {
                uit.println("Op " + Leesopdracht.tijd(peilmoment) + " was er nog niets gebeurd: " + eersteBegon
                        + " op " + Leesopdracht.tijd(eersteGebeurd.get()) + ".");
            }
        }

        /** The timeline's heading when a moment was asked for: which moment, on which axis. */
        void kop(java.io.PrintWriter uit) {
            if (alsOp != null) {
                uit.println("Zoals " + (as == Tijdas.BEKEND ? "bekend" : "gebeurd") + " op "
                        + Leesopdracht.tijd(peilmoment) + " (Europe/Amsterdam)");
            }
        }
    }

    @Command(name = "toon", mixinStandardHelpOptions = true, description = "Toont één klantreis als tijdlijn.")
    static final class Toon extends Leesopdracht {
        @Parameters(index = "0", paramLabel = "<klantreisId>", description = "de id van de klantreis (UUID)")
        String klantreisId;

        @CommandLine.Mixin
        Peiling peiling = new Peiling();

        private KlantreisId id;

        @Override
        void controleer() {
            try {
                id = new KlantreisId(UUID.fromString(klantreisId));
            } catch (IllegalArgumentException e) {
                throw new VerkeerdGebruik("'" + klantreisId + "' is geen klantreisId (een UUID)");
            }
            peiling.lees();
        }

        @Override
        int voerUit(Engineverbinding verbinding) throws Exception {
            Instant peilmoment = peiling.peilmoment;
            Tijdas as = peiling.as;
            Optional<Klantreis> reis = verbinding.vragen().query(new KlantreisVraag(id, peilmoment, as),
                    ResponseTypes.optionalInstanceOf(Klantreis.class)).join();
            if (reis.isEmpty()) {
                fout().println("Klantreis " + klantreisId + " is onbekend (of had op " + tijd(peilmoment)
                        + " nog geen stappen).");
                return 1;
            }
            Tijdlijn tijdlijn = tijdlijn(verbinding, reis.get(), peilmoment, as);
            if (peiling.json) {
                json(velden("peilmoment", peilmoment, "tijdas", as.name().toLowerCase(), "klantreis", tijdlijn));
            } else {
                peiling.kop(uit());
                tijdlijn.schrijf(uit());
            }
            return 0;
        }

    }

    @Command(name = "van", mixinStandardHelpOptions = true, description = "Toont alle klantreizen van één burger.")
    static final class Van extends Leesopdracht {
        @Option(names = "--bsn", required = true, paramLabel = "<nummer>",
                description = "het BSN van de burger (wordt meteen een pseudoniem en nooit getoond)")
        String bsn;

        @CommandLine.Mixin
        Peiling peiling = new Peiling();


        @Override
        void controleer() {
            controleerBsn(bsn);
            peiling.lees();
        }

        @Override
        int voerUit(Engineverbinding verbinding) throws Exception {
            Instant peilmoment = peiling.peilmoment;
            Tijdas as = peiling.as;
            KlantId klant = klantVan(bsn, verbinding);
            bsn = null;
            KlantreizenAntwoord antwoord = verbinding.vragen().query(new KlantreizenVraag(klant, peilmoment, as),
                    KlantreizenAntwoord.class).join();
            List<Tijdlijn> tijdlijnen = new ArrayList<>();
            for (Klantreis reis : antwoord.klantreizen()) {
                tijdlijnen.add(tijdlijn(verbinding, reis, peilmoment, as));
            }
            if (peiling.json) {
                json(velden("peilmoment", peilmoment, "tijdas", as.name().toLowerCase(), "klantId", klant.waarde(),
                        "klantreizen", tijdlijnen));
                return 0;
            }
            peiling.kop(uit());
            if (tijdlijnen.isEmpty()) {
                uit().println("Geen klantreizen van klant " + klant.waarde() + ".");
                Optional<Instant> eerste = verbinding.vragen().query(new KlantreizenVraag(klant, Instant.now(),
                                Tijdas.GEBEURD), KlantreizenAntwoord.class).join().klantreizen().stream()
                        .map(Klantreis::gestartOp).min(Instant::compareTo);
                peiling.legLeegUit(uit(), verbinding, klant, eerste, "klantreizen", "zijn eerste klantreis begon");
            }
            for (int i = 0; i < tijdlijnen.size(); i++) {
                if (i > 0) {
                    uit().println();
                }
                tijdlijnen.get(i).schrijf(uit());
            }
            return 0;
        }
    }

    /** The klantreis with its zaak's statussen, as MijnZaken knew them at the same moment on the same axis. */
    static Tijdlijn tijdlijn(Engineverbinding verbinding, Klantreis reis, Instant peilmoment, Tijdas as) {
        Zaakdetail zaak = null;
        if (reis.thema().zaakId() != null) {
            zaak = verbinding.vragen().query(new ZaakdetailVraag(ZaakId.van(reis.thema().zaakId()), null, peilmoment, as),
                    ResponseTypes.optionalInstanceOf(Zaakdetail.class)).join().orElse(null);
        }
        return Tijdlijn.van(reis, zaak);
    }
}
