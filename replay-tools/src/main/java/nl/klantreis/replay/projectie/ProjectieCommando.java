package nl.klantreis.replay.projectie;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.klantreis.projecties.leesmodel.Documentlezer;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;
import nl.klantreis.replay.commandoregel.Commandogroep;
import nl.klantreis.replay.commandoregel.Engineverbinding;
import nl.klantreis.replay.commandoregel.Leescommando;
import nl.klantreis.replay.commandoregel.Voortgangsregel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The read models: rebuilt without downtime, and checked against what the live handlers made. */
@Command(name = "projectie", mixinStandardHelpOptions = true,
        description = "Beheert de leesmodellen (projecties) van de engine.",
        subcommands = {ProjectieCommando.Herbouw.class, CommandLine.HelpCommand.class})
public final class ProjectieCommando extends Commandogroep {
    public ProjectieCommando() {
        super("herbouw");
    }

    /**
     * Rebuilds into a new generation while the current one keeps serving ({@link Projectiebeheer}):
     * the engine, if it runs, shares the work and switches over by itself. At the end the new
     * table's digest is compared with the table the live handlers kept up to date until the switch.
     */
    @Command(name = "herbouw", mixinStandardHelpOptions = true,
            description = {"Herbouwt een leesmodel (of alle) zonder stilstand en vergelijkt het met het live model.",
                    "Voortgang op stderr; daarna de controlegetallen van de nieuwe en de live tabel.",
                    "Exitcode 0: gelijk; 1: verschil of mislukt."})
    static final class Herbouw extends Leescommando {
        @Parameters(index = "0", paramLabel = "<naam|alle>", description = "het leesmodel (bijv. mijnzaken, klantreis) of alle")
        String naam;

        @Option(names = "--maximaal", defaultValue = "PT2H", description = "hoe lang de herbouw mag duren (ISO 8601), standaard ${DEFAULT-VALUE}")
        Duration maximaal;

        @Option(names = "--json", description = "de uitkomst als JSON")
        boolean json;

        /** The rebuild's processors run here (and on the engine's nodes, if it runs: they share the segments). */
        @Override
        protected boolean verwerkt() {
            return true;
        }

        @Override
        protected int voerUit(Engineverbinding verbinding) throws Exception {
            Projectiebeheer beheer = verbinding.bean(Projectiebeheer.class);
            List<String> namen = naam.equals("alle") ? beheer.namen() : List.of(naam);
            if (!beheer.namen().containsAll(namen)) {
                throw new VerkeerdGebruik("onbekend leesmodel '" + naam + "'; kies uit " + beheer.namen() + " of alle");
            }
            List<Uitkomst> uitkomsten = new ArrayList<>();
            for (String leesmodel : namen) {
                uitkomsten.add(herbouw(verbinding, beheer, leesmodel));
            }
            boolean gelijk = uitkomsten.stream().allMatch(Uitkomst::gelijk);
            if (json) {
                json(velden("gelijk", gelijk, "leesmodellen", uitkomsten));
            } else {
                for (Uitkomst u : uitkomsten) {
                    uit().println(u.leesmodel() + ": generatie " + u.oudeGeneratie() + " -> " + u.nieuweGeneratie()
                            + ", " + u.aantal() + " documenten in " + u.seconden() + " s");
                    uit().println("  controlegetal live (" + u.oudeTabel() + "):      " + u.controlegetalLive());
                    uit().println("  controlegetal herbouwd (" + u.nieuweTabel() + "): " + u.controlegetalNieuw());
                    uit().println("  " + (u.gelijk() ? "gelijk" : "VERSCHILLEND"));
                }
            }
            return gelijk ? 0 : 1;
        }

        private Uitkomst herbouw(Engineverbinding verbinding, Projectiebeheer beheer, String leesmodel) {
            // The live generation first up to the head: then both tables describe the same events.
            if (!beheer.wachtTotBijgewerkt(leesmodel, maximaal)) {
                throw new IllegalStateException("het live leesmodel " + leesmodel + " raakt niet bij");
            }
            Documentlezer<Object> lezer = new Documentlezer<>(beheer, leesmodel, verbinding.database());
            String oudeTabel = beheer.actieveTabel(leesmodel);
            int oudeGeneratie = beheer.voortgang(leesmodel).actieveGeneratie();
            Instant begin = Instant.now();
            int generatie = beheer.herbouw(leesmodel);
            Voortgangsregel regel = new Voortgangsregel(fout(), "herbouw " + leesmodel, "events", true);
            while (true) {
                Projectiebeheer.Voortgang voortgang = beheer.voortgang(leesmodel);
                if (voortgang.herbouwKlaar() && voortgang.actieveGeneratie() >= generatie
                        && !beheer.actieveTabel(leesmodel).equals(oudeTabel)) {
                    regel.klaar(voortgang.kop() + 1);
                    break;
                }
                if (Duration.between(begin, Instant.now()).compareTo(maximaal) > 0) {
                    regel.klaar(-1);
                    throw new IllegalStateException("herbouw van " + leesmodel + " duurt langer dan " + maximaal);
                }
                long positie = voortgang.herbouwPositie() == null ? 0 : voortgang.herbouwPositie() + 1;
                regel.toon(Math.min(positie, voortgang.kop() + 1), voortgang.kop() + 1);
                slaap(200);
            }
            String nieuweTabel = beheer.actieveTabel(leesmodel);
            String live = lezer.controlegetal(oudeTabel);
            String nieuw = lezer.controlegetal(nieuweTabel);
            return new Uitkomst(leesmodel, oudeGeneratie, generatie, oudeTabel, nieuweTabel, lezer.aantal(),
                    Duration.between(begin, Instant.now()).toSeconds(), live, nieuw, live.equals(nieuw));
        }

        private static void slaap(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("onderbroken", e);
            }
        }
    }

    record Uitkomst(String leesmodel, int oudeGeneratie, int nieuweGeneratie, String oudeTabel, String nieuweTabel,
                    long aantal, long seconden, String controlegetalLive, String controlegetalNieuw, boolean gelijk) {
    }
}
