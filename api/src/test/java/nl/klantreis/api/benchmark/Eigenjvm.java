package nl.klantreis.api.benchmark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a benchmark in a JVM of its own, on a private copy of the project's classes.
 *
 * <p>Two reasons. The figures (heap, CPU of "the JVM") should be those of a JVM with known
 * options, not of Maven's. And on a shared machine, someone's {@code mvn install} rewrites the
 * project's jars in the local repository while a run of several minutes is still loading classes
 * from them, which ends that run with a {@code NoClassDefFoundError}; a copy made at the start
 * cannot change under it.
 */
final class Eigenjvm {
    static final List<String> JVM_OPTIES = List.of("-Xms2g", "-Xmx2g", "-XX:+UseG1GC");

    private Eigenjvm() {
    }

    /** Starts {@code hoofdklasse} with {@code -D<kenmerk>=true} in a new JVM; returns its exit code. */
    static int start(Class<?> hoofdklasse, String kenmerk, String[] args) throws IOException, InterruptedException {
        Path kopie = Files.createTempDirectory("klantreis-benchmark-classpath");
        try {
            List<String> pad = new ArrayList<>();
            int nummer = 0;
            for (Path element : classpath(hoofdklasse)) {
                // Only the project's own classes change under a run; third-party jars are releases.
                boolean eigen = element.toString().contains("klantreis") || Files.isDirectory(element);
                if (!eigen || !Files.exists(element)) {
                    pad.add(element.toString());
                    continue;
                }
                Path doel = kopie.resolve(nummer++ + "-" + element.getFileName());
                kopieerStabiel(element, doel);
                pad.add(doel.toString());
            }
            List<String> opdracht = new ArrayList<>();
            opdracht.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            opdracht.addAll(JVM_OPTIES);
            opdracht.add("-D" + kenmerk + "=true");
            opdracht.add("-cp");
            opdracht.add(String.join(File.pathSeparator, pad));
            opdracht.add(hoofdklasse.getName());
            opdracht.addAll(Arrays.asList(args));
            ProcessBuilder bouwer = new ProcessBuilder(opdracht).inheritIO();
            bouwer.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            Process proces = bouwer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(proces::destroy));
            return proces.waitFor();
        } finally {
            verwijder(kopie);
        }
    }

    /**
     * Copies until the source did not change during the copy (a build elsewhere may be writing
     * it) and is not empty (a build may just have cleaned it).
     */
    private static void kopieerStabiel(Path bron, Path doel) throws IOException, InterruptedException {
        for (int poging = 1; ; poging++) {
            String voor = inventaris(bron);
            kopieer(bron, doel);
            if (voor.equals(inventaris(bron)) && !voor.isEmpty()) {
                return;
            }
            if (poging == 20) {
                throw new IllegalStateException(bron + " verandert steeds of is leeg: wordt er elders gebouwd?");
            }
            System.out.println("Wacht: " + bron + " wordt elders herschreven ...");
            verwijder(doel);
            Thread.sleep(3_000);
        }
    }

    /** Names, sizes and times of the files: equal twice means nothing was written in between. */
    private static String inventaris(Path bron) throws IOException {
        if (!Files.isDirectory(bron)) {
            return Files.size(bron) + "@" + Files.getLastModifiedTime(bron);
        }
        try (Stream<Path> paden = Files.walk(bron)) {
            StringBuilder lijst = new StringBuilder();
            for (Path pad : (Iterable<Path>) paden.filter(Files::isRegularFile).sorted()::iterator) {
                lijst.append(bron.relativize(pad)).append(' ').append(Files.size(pad)).append(' ')
                        .append(Files.getLastModifiedTime(pad).toMillis()).append('\n');
            }
            return lijst.toString();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<Path> classpath(Class<?> klasse) {
        List<Path> paden = new ArrayList<>();
        if (klasse.getClassLoader() instanceof URLClassLoader urls) {
            for (URL url : urls.getURLs()) {
                try {
                    paden.add(Path.of(url.toURI()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("onbruikbaar classpath-element " + url, e);
                }
            }
        }
        if (paden.isEmpty()) {
            for (String deel : System.getProperty("java.class.path").split(File.pathSeparator)) {
                paden.add(Path.of(deel));
            }
        }
        return paden;
    }

    private static void kopieer(Path bron, Path doel) throws IOException {
        if (!Files.isDirectory(bron)) {
            Files.copy(bron, doel, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (Stream<Path> paden = Files.walk(bron)) {
            for (Path pad : (Iterable<Path>) paden::iterator) {
                Path bestemming = doel.resolve(bron.relativize(pad).toString());
                if (Files.isDirectory(pad)) {
                    Files.createDirectories(bestemming);
                } else {
                    Files.copy(pad, bestemming, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void verwijder(Path map) {
        try (Stream<Path> paden = Files.walk(map)) {
            paden.sorted(Comparator.reverseOrder()).forEach(pad -> pad.toFile().delete());
        } catch (IOException e) {
            // A leftover copy in the temp directory is harmless.
        }
    }
}
