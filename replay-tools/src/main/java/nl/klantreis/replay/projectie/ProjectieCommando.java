package nl.klantreis.replay.projectie;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * the engine, if it runs, shares the work and switches over by itself; {@code alle} rebuilds every
     * read model at once, one reader of the event store for all ({@code herbouwAlle}). At the end each
     * new table's digest is compared with the table the live handlers kept up to date until the switch.
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
            // The live generations first up to the head: then old and new tables describe the same events.
            List<Live> live = new ArrayList<>();
            for (String leesmodel : namen) {
                live.add(live(verbinding, beheer, leesmodel));
            }
            Instant begin = Instant.now();
            // All at once: their bulk fills share one reader of the event store (ADR 0031).
            Map<String, Integer> generaties = naam.equals("alle") ? beheer.herbouwAlle()
                    : Map.of(naam, beheer.herbouw(naam));
            List<Uitkomst> uitkomsten = wacht(beheer, live, generaties, begin);
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

        /** A read model's serving generation, once it has processed every event stored so far. */
        private record Live(String leesmodel, Documentlezer<Object> lezer, String tabel, int generatie) {
        }

        private Live live(Engineverbinding verbinding, Projectiebeheer beheer, String leesmodel) {
            if (!beheer.wachtTotBijgewerkt(leesmodel, maximaal)) {
                throw new IllegalStateException("het live leesmodel " + leesmodel + " raakt niet bij");
            }
            return new Live(leesmodel, new Documentlezer<>(beheer, leesmodel, verbinding.database()),
                    beheer.actieveTabel(leesmodel), beheer.voortgang(leesmodel).actieveGeneratie());
        }

        /**
         * Waits until every new generation serves, showing the progress of the one furthest behind, and
         * compares each with its live table as soon as it has taken over (the replaced table is dropped a
         * minute later).
         */
        private List<Uitkomst> wacht(Projectiebeheer beheer, List<Live> live, Map<String, Integer> generaties,
                                     Instant begin) {
            Voortgangsregel regel = new Voortgangsregel(fout(), "herbouw " + naam, "events", true);
            Map<String, Uitkomst> klaar = new LinkedHashMap<>();
            while (true) {
                long kop = -1;
                long traagste = Long.MAX_VALUE;
                for (Live l : live) {
                    if (klaar.containsKey(l.leesmodel())) {
                        continue;
                    }
                    Projectiebeheer.Voortgang voortgang = beheer.voortgang(l.leesmodel());
                    kop = voortgang.kop();
                    if (voortgang.herbouwKlaar() && voortgang.actieveGeneratie() >= generaties.get(l.leesmodel())
                            && !beheer.actieveTabel(l.leesmodel()).equals(l.tabel())) {
                        klaar.put(l.leesmodel(), vergelijk(beheer, l, generaties.get(l.leesmodel()), begin));
                    } else {
                        traagste = Math.min(traagste, voortgang.herbouwPositie() == null ? 0 : voortgang.herbouwPositie() + 1);
                    }
                }
                if (klaar.size() == live.size()) {
                    regel.klaar(beheer.voortgang(live.get(0).leesmodel()).kop() + 1);
                    return live.stream().map(l -> klaar.get(l.leesmodel())).toList();
                }
                if (Duration.between(begin, Instant.now()).compareTo(maximaal) > 0) {
                    regel.klaar(-1);
                    throw new IllegalStateException("herbouw van " + naam + " duurt langer dan " + maximaal);
                }
                regel.toon(Math.min(traagste, kop + 1), kop + 1);
                slaap(200);
            }
        }

        private Uitkomst vergelijk(Projectiebeheer beheer, Live live, int generatie, Instant begin) {
            String nieuweTabel = beheer.actieveTabel(live.leesmodel());
            String controlegetalLive = live.lezer().controlegetal(live.tabel());
            String nieuw = live.lezer().controlegetal(nieuweTabel);
            return new Uitkomst(live.leesmodel(), live.generatie(), generatie, live.tabel(), nieuweTabel,
                    live.lezer().aantal(), Duration.between(begin, Instant.now()).toSeconds(), controlegetalLive, nieuw,
                    controlegetalLive.equals(nieuw));
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
