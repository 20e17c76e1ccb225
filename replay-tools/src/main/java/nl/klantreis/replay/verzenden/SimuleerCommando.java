package nl.klantreis.replay.verzenden;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.simulatie.Simulatie;
import nl.klantreis.replay.commandoregel.Verslagopties;
import nl.klantreis.replay.commandoregel.Voortgangsteller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes a simulated municipality ({@link Simulatie}) as NDJSON CloudEvents, one a line: the input
 * of {@code verstuur}, of load tests and of demos. The same options give the same bytes, and the
 * same bytes as {@code Simulatie.main}: the messages are written by the same plain Jackson writer.
 */
@Command(name = "simuleer", mixinStandardHelpOptions = true,
        description = {"Maakt een realistische gesimuleerde gemeente als NDJSON-CloudEvents (één per regel).",
                "Deterministisch: dezelfde --seed, --klanten, --van en --tot geven dezelfde bytes. Zonder --van en "
                        + "--tot is de periode de 21 maanden tot de eerste dag van vorige maand (afhankelijk van "
                        + "vandaag); wat op een zaak volgt loopt door tot een maand na --tot, en dat moet voor vandaag "
                        + "liggen, want berichten uit de toekomst neemt de engine niet aan."})
public final class SimuleerCommando implements Callable<Integer> {
    /** Klanten simulated up front to estimate the number of messages for the progress line. */
    private static final int PROEF = 200;

    @Spec
    CommandSpec spec;

    @Option(names = "--klanten", required = true, description = "aantal geïdentificeerde klanten (anonieme contacten komen erbij)")
    int klanten;

    @Option(names = "--seed", required = true, description = "zaad van de simulatie")
    long seed;

    @Option(names = "--van", description = "eerste dag van zaken en contacten (JJJJ-MM-DD); standaard 21 maanden "
            + "voor --tot")
    LocalDate van;

    @Option(names = "--tot", description = "dag na de laatste (JJJJ-MM-DD, exclusief); standaard de eerste dag van "
            + "vorige maand; uiterlijk een maand voor vandaag")
    LocalDate tot;

    @Option(names = "--fouten", description = "ook de fouten van echte systemen: herzendingen, status voor zaak, late contacten")
    boolean fouten;

    @Option(names = "--uit", required = true, description = "het NDJSON-bestand; '-' voor stdout")
    String uit;

    @Mixin
    Verslagopties opties;

    @Override
    public Integer call() throws IOException {
        PrintWriter fout = spec.commandLine().getErr();
        if (klanten < 0 || klanten > Simulatie.MEESTE_KLANTEN) {
            return verkeerdGebruik("--klanten moet tussen 0 en " + Simulatie.MEESTE_KLANTEN + " liggen");
        }
        // The only clock read: for the default period and to refuse a period not yet over.
        LocalDate vandaag = LocalDate.now(Simulatie.AMSTERDAM);
        Simulatie.Periode standaard = Simulatie.standaardPeriode(vandaag);
        if (tot == null) {
            tot = standaard.tot();
        }
        if (van == null) {
            van = tot.minusMonths(Simulatie.MAANDEN_STANDAARDPERIODE);
        }
        if (!Simulatie.voorbijOp(tot, vandaag)) {
            return verkeerdGebruik("--tot " + tot + " ligt te laat: wat op een zaak volgt loopt door tot een maand "
                    + "na --tot, en de engine neemt geen berichten uit de toekomst aan (vandaag kan --tot "
                    + standaard.tot() + ")");
        }
        Simulatie simulatie;
        try {
            simulatie = Simulatie.metSeed(seed).klanten(klanten).periode(van, tot).metFouten(fouten);
        } catch (IllegalArgumentException e) {
            return verkeerdGebruik(e.getMessage());
        }
        boolean naarStdout = "-".equals(uit);
        long verwacht = schat(simulatie);
        long aantal;
        double seconden;
        try (Voortgangsteller voortgang = Voortgangsteller.start(fout, !opties.stil(), "berichten", verwacht, true, null)) {
            if (naarStdout) {
                // Through System.out, not picocli's writer: bytes, and the report must not mix in.
                OutputStream stroom = new BufferedOutputStream(System.out, 1 << 16);
                aantal = schrijf(simulatie, stroom, voortgang);
            } else {
                Path pad = Path.of(uit).toAbsolutePath();
                if (pad.getParent() != null) {
                    Files.createDirectories(pad.getParent());
                }
                try (OutputStream stroom = new BufferedOutputStream(Files.newOutputStream(pad), 1 << 16)) {
                    aantal = schrijf(simulatie, stroom, voortgang);
                }
            }
            seconden = voortgang.seconden();
        }
        // With the messages on stdout the report goes to stderr, so that a pipe gets NDJSON only.
        PrintWriter verslag = naarStdout ? fout : spec.commandLine().getOut();
        if (opties.json()) {
            Map<String, Object> uitkomst = new LinkedHashMap<>();
            uitkomst.put("berichten", aantal);
            uitkomst.put("klanten", klanten);
            uitkomst.put("seed", seed);
            uitkomst.put("van", van.toString());
            uitkomst.put("tot", tot.toString());
            uitkomst.put("fouten", fouten);
            uitkomst.put("bestand", uit);
            uitkomst.put("seconden", Math.round(seconden * 1000) / 1000.0);
            verslag.println(new ObjectMapper().writeValueAsString(uitkomst));
        } else {
            verslag.println(Voortgangsteller.getal(aantal) + " berichten van " + Voortgangsteller.getal(klanten)
                    + " klanten (seed " + seed + (fouten ? ", met fouten" : "") + ", " + van + " tot " + tot
                    + ") geschreven naar " + uit + " in " + Voortgangsteller.duur(seconden));
        }
        verslag.flush();
        return 0;
    }

    private static long schrijf(Simulatie simulatie, OutputStream stroom, Voortgangsteller voortgang)
            throws IOException {
        ObjectWriter schrijver = new ObjectMapper().writer();
        long aantal = 0;
        Iterator<ObjectNode> berichten = simulatie.berichten().iterator();
        while (berichten.hasNext()) {
            stroom.write(schrijver.writeValueAsBytes(berichten.next()));
            stroom.write('\n');
            aantal++;
            voortgang.tel(1);
        }
        stroom.flush();
        return aantal;
    }

    /**
     * The number of messages, estimated from the first klanten: the simulator does not say how
     * many messages a klant makes until it has made them.
     */
    private long schat(Simulatie simulatie) {
        if (opties.stil() || klanten == 0) {
            return 0;
        }
        int proef = Math.min(klanten, PROEF);
        long berichten;
        try (var stroom = simulatie.klanten(proef).berichten()) {
            berichten = stroom.count();
        }
        return Math.round(berichten * (klanten / (double) proef));
    }

    private int verkeerdGebruik(String uitleg) {
        spec.commandLine().getErr().println("simuleer: " + uitleg);
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
