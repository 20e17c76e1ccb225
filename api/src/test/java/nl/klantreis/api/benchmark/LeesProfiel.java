package nl.klantreis.api.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The CPU profile of a flight recording ({@code jdk.ExecutionSample}: threads on a CPU, sampled
 * without safepoint bias): per sample the innermost frame of a known library decides its bucket
 * (Jackson, JWT checking, the JDBC driver, Reactor, ...); plus the hottest methods themselves and
 * the share of samples that pass through some of the engine's steps (inclusive; in reactive code a
 * step's work often runs in a later callback whose stack no longer shows the step, so these are
 * lower bounds).
 */
final class LeesProfiel {
    private static final List<String[]> BIBLIOTHEKEN = List.of(
            new String[] {"nl.klantreis.api.benchmark.", "benchmark zelf (client, bemonstering)"},
            new String[] {"com.nimbusds.", "JWT (Nimbus)"},
            new String[] {"org.springframework.security.", "Spring Security"},
            new String[] {"javax.crypto.", "crypto (AES-GCM, HMAC, RSA)"},
            new String[] {"com.sun.crypto.", "crypto (AES-GCM, HMAC, RSA)"},
            new String[] {"sun.security.", "crypto (AES-GCM, HMAC, RSA)"},
            new String[] {"java.security.", "crypto (AES-GCM, HMAC, RSA)"},
            new String[] {"java.math.BigInteger", "crypto (AES-GCM, HMAC, RSA)"},
            new String[] {"java.math.MutableBigInteger", "crypto (AES-GCM, HMAC, RSA)"},
            new String[] {"com.fasterxml.jackson.", "Jackson"},
            new String[] {"org.postgresql.", "JDBC-driver"},
            new String[] {"com.zaxxer.hikari.", "Hikari"},
            new String[] {"nl.klantreis.", "klantreis"},
            new String[] {"org.axonframework.", "Axon"},
            new String[] {"io.micrometer.", "Micrometer"},
            new String[] {"reactor.netty.", "Netty / Reactor Netty"},
            new String[] {"io.netty.", "Netty / Reactor Netty"},
            new String[] {"org.springframework.", "Spring (WebFlux, transacties, ...)"},
            new String[] {"reactor.", "Reactor (operatoren)"});

    /** Steps a sample may pass through: the share of samples that do, inclusive of what they call. */
    private static final List<String[]> STAPPEN = List.of(
            new String[] {"org.springframework.security.", "Spring Security (alles wat op de stapel staat)"},
            new String[] {"com.nimbusds.", "JWT-bibliotheek (Nimbus)"},
            new String[] {"org.axonframework.queryhandling.SimpleQueryBus", "Axon query bus (zonder transactie, AxonConfiguratie)"},
            new String[] {"nl.klantreis.projecties.leesmodel.Documentlezer", "  document lezen (JDBC + JSON)"},
            new String[] {"nl.klantreis.projecties.mijnzaken.MijnZakenWeergave", "  weergave (met ontsleutelen)"},
            new String[] {"nl.klantreis.infrastructuur.privacy.", "pseudoniem, sleutels, ontsleutelen"},
            new String[] {"nl.klantreis.api.audit.", "audit (verslag, tracering, schrijver)"},
            new String[] {"org.springframework.http.codec.", "WebFlux-codecs (JSON van het antwoord)"},
            new String[] {"reactor.netty.http.server.", "Reactor Netty HTTP-server"},
            new String[] {"io.micrometer.", "Micrometer (metrieken, observaties)"});

    private LeesProfiel() {
    }

    static void druk(Path opname, String kop) throws IOException {
        Map<String, Long> perEmmer = new HashMap<>();
        Map<String, Long> perDraad = new HashMap<>();
        Map<String, Long> zelf = new HashMap<>();
        Map<String, Long> stappen = new HashMap<>();
        long monsters = 0;
        try (RecordingFile bestand = new RecordingFile(opname)) {
            while (bestand.hasMoreEvents()) {
                RecordedEvent event = bestand.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                monsters++;
                String draad = event.getThread("sampledThread") == null ? "?"
                        : event.getThread("sampledThread").getJavaName();
                perDraad.merge(draad == null ? "?" : draad.replaceAll("[0-9]+", "#"), 1L, Long::sum);
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (!frames.isEmpty()) {
                    RecordedFrame top = frames.get(0);
                    zelf.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1L, Long::sum);
                }
                perEmmer.merge(emmer(frames), 1L, Long::sum);
                Set<String> gezien = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String klasse = frame.getMethod().getType().getName();
                    for (String[] stap : STAPPEN) {
                        if (klasse.startsWith(stap[0]) && gezien.add(stap[1])) {
                            stappen.merge(stap[1], 1L, Long::sum);
                        }
                    }
                }
            }
        }
        long totaal = Math.max(1, monsters);
        System.out.printf(Locale.ROOT, "%s: JFR-profiel, %,d CPU-monsters%n", kop, monsters);
        System.out.println("  per draadgroep: " + perDraad.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / totaal)).toList());
        System.out.println("  per bibliotheek (binnenste bekende frame):");
        perEmmer.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * e.getValue() / totaal, e.getKey()));
        System.out.println("  door deze stappen (inclusief wat ze aanroepen):");
        for (String[] stap : STAPPEN) {
            System.out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * stappen.getOrDefault(stap[1], 0L) / totaal, stap[1]);
        }
        System.out.println("  heetste methoden (zelf):");
        zelf.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * e.getValue() / totaal, e.getKey()));
    }

    private static String emmer(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String klasse = frame.getMethod().getType().getName();
            for (String[] bibliotheek : BIBLIOTHEKEN) {
                if (klasse.startsWith(bibliotheek[0])) {
                    return bibliotheek[1];
                }
            }
        }
        return "JDK / overig";
    }
}
