package nl.klantreis.api.bronnen;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import nl.klantreis.bronnen.Bronfout;
import nl.klantreis.bronnen.Melding;
import nl.klantreis.bronnen.Resultaat;
import nl.klantreis.bronnen.Synchronisatie;

/**
 * A {@link Synchronisatie} the tests script per URL: what it answers, and when it was asked. Unknown URLs are
 * {@link Resultaat.Uitkomst#GENEGEERD}. Primary over the engine's own (which would read the configured URLs). Given to the engine as an extra source
 * ({@code --spring.main.sources=nl.klantreis.api.bronnen.Nepbron}); not a component, so the engine's scan of the
 * test classpath does not find it for other tests.
 */
public class Nepbron {
    /** One scripted answer. */
    interface Gedrag {
        Resultaat antwoord(Melding melding) throws Bronfout;
    }

    private static final Map<String, Gedrag> GEDRAG = new ConcurrentHashMap<>();
    private static final Map<String, List<Instant>> VRAGEN = new ConcurrentHashMap<>();

    @Bean
    @Primary
    Synchronisatie nepSynchronisatie() {
        return melding -> {
            VRAGEN.computeIfAbsent(melding.url(), u -> new CopyOnWriteArrayList<>()).add(Instant.now());
            Gedrag g = GEDRAG.get(melding.url());
            return g == null ? Resultaat.zonder(Resultaat.Uitkomst.GENEGEERD, "niet gescript") : g.antwoord(melding);
        };
    }

    static void zet(String url, Gedrag g) {
        GEDRAG.put(url, g);
    }

    static List<Instant> vragen(String url) {
        return VRAGEN.getOrDefault(url, List.of());
    }
}
