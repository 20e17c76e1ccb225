package nl.klantreis.opstelling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What clients saw during a fault, request by request: when, what kind, which status, how long it
 * took, and the answer's Retry-After and Content-Type. Thread-safe; read once the clients stopped.
 * Times are milliseconds since the fault's test began.
 */
final class Waarnemingen {
    /** One answer (status -1: no answer at all, the connection failed or the client timed out). */
    record Waarneming(String soort, String knooppunt, long beginMs, long duurMs, int status, String retryAfter,
                      String contentType, String fout) {
        boolean mislukt() {
            return status < 200 || status >= 300;
        }
    }

    private final long begin = System.nanoTime();
    private final List<Waarneming> alle = new ArrayList<>();

    long nuMs() {
        return (System.nanoTime() - begin) / 1_000_000;
    }

    synchronized void leg(Waarneming waarneming) {
        alle.add(waarneming);
    }

    synchronized List<Waarneming> alle() {
        return List.copyOf(alle);
    }

    List<Waarneming> van(String soort) {
        return alle().stream().filter(w -> w.soort().equals(soort)).toList();
    }

    List<Waarneming> waar(Predicate<Waarneming> voorwaarde) {
        return alle().stream().filter(voorwaarde).toList();
    }

    /**
     * Per kind: requests, errors, the window from the first error's start to the last error's end
     * (how long clients saw errors), the longest request, and the statuses counted.
     */
    String verslag(String titel) {
        Map<String, List<Waarneming>> perSoort = new TreeMap<>();
        alle().forEach(w -> perSoort.computeIfAbsent(w.soort(), s -> new ArrayList<>()).add(w));
        StringBuilder uit = new StringBuilder(titel).append('\n');
        perSoort.forEach((soort, lijst) -> {
            List<Waarneming> fouten = lijst.stream().filter(Waarneming::mislukt).toList();
            long venster = fouten.isEmpty() ? 0 : fouten.stream().mapToLong(w -> w.beginMs() + w.duurMs()).max().orElse(0)
                    - fouten.stream().mapToLong(Waarneming::beginMs).min().orElse(0);
            Waarneming langste = lijst.stream().max(Comparator.comparingLong(Waarneming::duurMs)).orElseThrow();
            Map<Integer, Long> statussen = new TreeMap<>();
            lijst.forEach(w -> statussen.merge(w.status(), 1L, Long::sum));
            uit.append(String.format("  %-10s %5d verzoeken, %4d fout, fouten zichtbaar gedurende %6d ms, langste verzoek %6d ms"
                            + " (status %d), statussen %s%n", soort, lijst.size(), fouten.size(), venster,
                    langste.duurMs(), langste.status(), statussen));
        });
        return uit.toString();
    }
}
