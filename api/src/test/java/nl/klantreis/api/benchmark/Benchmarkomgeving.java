package nl.klantreis.api.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import nl.klantreis.api.KlantreisApplication;
import nl.klantreis.infrastructuur.beveiliging.LokaleSleutel;
import nl.klantreis.infrastructuur.beveiliging.Tokenmaker;
import nl.klantreis.infrastructuur.opslag.IngebeddePostgres;

/**
 * What the benchmark programs that measure a whole engine share, so that they start, clean up and
 * describe the machine alike: the JVM of their own ({@link Eigenjvm}), a work directory with an
 * embedded PostgreSQL that is removed afterwards, the engine's start arguments, and the report's
 * head lines.
 */
final class Benchmarkomgeving {
    /** Set in the JVM that does the measuring (see {@link Eigenjvm}); one name for every benchmark. */
    private static final String KIND = "klantreis.benchmark.meet";

    /** Where one run keeps its database and the engine's data directory. */
    record Werkmap(Path map, IngebeddePostgres postgres) {
        Path pgMap() {
            return map.resolve("postgres");
        }

        Path dataMap() {
            return map.resolve("data");
        }

        /**
         * Starts an engine on this database and data directory with the arguments every benchmark
         * uses, then {@code eigen} (the benchmark's own) and {@code app} (the variants asked for on
         * the command line).
         */
        ConfigurableApplicationContext startEngine(List<String> eigen, List<String> app) {
            // As arguments, not as default properties: application.yml's server.port would win over those.
            List<String> argumenten = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--klantreis.db.url=" + postgres.jdbcUrl(),
                    "--klantreis.db.user=postgres",
                    "--klantreis.db.password=postgres",
                    "--klantreis.data-map=" + dataMap(),
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN",
                    "--logging.level.nl.klantreis=WARN"));
            argumenten.addAll(eigen);
            argumenten.addAll(app);
            return new SpringApplicationBuilder(KlantreisApplication.class).run(argumenten.toArray(String[]::new));
        }

        /** A bron token, as every channel system sends one, signed with the key the engine made. */
        String bronToken() {
            return new Tokenmaker(LokaleSleutel.laad(dataMap())).maak("benchmark", "bron", null, null);
        }
    }

    /** A measurement on a prepared work directory; its result is the program's exit status. */
    interface Meting {
        int meet(Werkmap werkmap) throws Exception;
    }

    private Benchmarkomgeving() {
    }

    /**
     * Restarts {@code hoofdklasse} in a JVM of its own unless this is that JVM; returns only in the
     * JVM that measures.
     */
    static void inEigenJvm(Class<?> hoofdklasse, String[] args) throws IOException, InterruptedException {
        if (!Boolean.getBoolean(KIND)) {
            System.exit(Eigenjvm.start(hoofdklasse, KIND, args));
        }
        // Axon's update checker phones home; benchmarks run where there may be no internet.
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    /**
     * Runs {@code meting} in a new temporary work directory with an embedded PostgreSQL in it,
     * removes both afterwards and exits with the measurement's status. {@code app} and {@code wie}
     * only say which variants of the engine's settings were asked for, and of which engine(s).
     */
    static void draai(String naam, List<String> app, String wie, Meting meting) throws Exception {
        Path map = Files.createTempDirectory("klantreis-" + naam);
        System.out.println("Werkmap (wordt na afloop verwijderd): " + map);
        if (!app.isEmpty()) {
            System.out.println("Afwijkende instellingen van " + wie + ": " + app);
        }
        IngebeddePostgres postgres = IngebeddePostgres.start(map.resolve("postgres"), 0);
        int status;
        try {
            status = meting.meet(new Werkmap(map, postgres));
        } finally {
            postgres.close();
            verwijder(map);
        }
        System.exit(status);
    }

    static int poort(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    /** The report's title and date, set apart as every benchmark's report begins. */
    static void kop(String titel) {
        System.out.println();
        System.out.println("=".repeat(100));
        System.out.println(titel);
        System.out.println("=".repeat(100));
        System.out.printf("Datum          %s%n", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    /** The JVM's memory and GC options, the ones that change the figures. */
    static List<String> jvmOpties() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-X"))
                .toList();
    }

    static void postgresVersie(RuweOpslag db) throws SQLException {
        try (var c = db.verbinding(); var s = c.createStatement(); var r = s.executeQuery("select version()")) {
            r.next();
            System.out.printf("PostgreSQL     %s%n", r.getString(1).replaceAll(" on .*", ""));
        }
    }

    /** PostgreSQL's version and the settings that decide write speed, and the engine's variants asked for. */
    static void postgresEnEngine(RuweOpslag db, List<String> app) throws SQLException {
        postgresVersie(db);
        System.out.printf("               fsync=%s synchronous_commit=%s full_page_writes=%s shared_buffers=%s%n",
                db.instelling("fsync"), db.instelling("synchronous_commit"), db.instelling("full_page_writes"),
                db.instelling("shared_buffers"));
        if (!app.isEmpty()) {
            System.out.printf("Engine-opties  %s%n", app);
        }
    }

    /** What other processes keep busy while nothing of ours runs, in cores, with a warning when that is much. */
    static double anderen(Cpumeting cpu) throws InterruptedException {
        Cpumeting.Stand voor = cpu.nu();
        Thread.sleep(3_000);
        Cpumeting.Stand rust = cpu.nu().minus(voor);
        double anderen = (rust.machineBezet() - rust.jvm() - rust.postgres()) / 3.0;
        System.out.printf(Locale.ROOT, "%nAndere processen op de machine vooraf: %.2f cores bezet%s%n", anderen,
                anderen > 0.2 ? " -- LET OP: de machine is niet stil, de cijfers zijn lager dan haalbaar" : "");
        return anderen;
    }

    /** The median, NaN of nothing. */
    static double mediaan(DoubleStream waarden) {
        double[] gesorteerd = waarden.sorted().toArray();
        if (gesorteerd.length == 0) {
            return Double.NaN;
        }
        int midden = gesorteerd.length / 2;
        return gesorteerd.length % 2 == 1 ? gesorteerd[midden] : (gesorteerd[midden - 1] + gesorteerd[midden]) / 2;
    }

    static String gcNamen() {
        return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream().map(g -> g.getName()).toList());
    }

    static String cpuModel() {
        try (Stream<String> regels = Files.lines(Path.of("/proc/cpuinfo"))) {
            return regels.filter(r -> r.startsWith("model name")).findFirst()
                    .map(r -> r.substring(r.indexOf(':') + 1).trim()).orElse("onbekend model");
        } catch (IOException | UncheckedIOException e) {
            return "onbekend model";
        }
    }

    private static void verwijder(Path map) {
        try (Stream<Path> paden = Files.walk(map)) {
            paden.sorted(Comparator.reverseOrder()).forEach(pad -> {
                try {
                    Files.deleteIfExists(pad);
                } catch (IOException e) {
                    // A leftover file in the temp directory is harmless.
                }
            });
        } catch (IOException e) {
            // Idem.
        }
    }
}
