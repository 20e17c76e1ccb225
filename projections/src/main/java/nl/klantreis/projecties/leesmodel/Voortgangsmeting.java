package nl.klantreis.projecties.leesmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import nl.klantreis.projecties.leesmodel.Generatieregister.Generatie;

/**
 * Where each generation stands against the head of the event store, read from the stored tokens
 * (so it holds for every node, not only the one running the processor): lag, rebuild progress,
 * dead letters, the meters that export them, and waiting until a read model has caught up.
 */
final class Voortgangsmeting {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Generatieregister register;

    Voortgangsmeting(JdbcTemplate jdbc, ObjectMapper json, Generatieregister register) {
        this.jdbc = jdbc;
        this.json = json;
        this.register = register;
    }

    void registreerMeters(MeterRegistry meters, Map<String, Documentprojectie<?>> projecties) {
        projecties.forEach((naam, projectie) -> {
            Gauge.builder("klantreis.projectie.achterstand", () -> achterstand(naam).orElse(Long.MAX_VALUE))
                    .description("Events in the event store that the serving generation of this read model has not yet processed")
                    .tag("projectie", naam).register(meters);
            Gauge.builder("klantreis.projectie.dode.brieven", () -> dodeBrieven(naam))
                    .description("Events of this read model that could not be handled and wait in the dead-letter queue")
                    .tag("projectie", naam).register(meters);
            FunctionCounter.builder("klantreis.projectie.aangevuld", projectie, Documentprojectie::aangevuld)
                    .description("Events this read model read from the event store because its processor never"
                            + " delivered them (a hole in an aggregate's sequence numbers); should stay 0")
                    .tag("projectie", naam).register(meters);
            Gauge.builder("klantreis.projectie.herbouw.achterstand", () -> herbouwAchterstand(naam).orElse(0L))
                    .description("Events a running rebuild of this read model still has to process (0 when none runs)")
                    .tag("projectie", naam).register(meters);
        });
    }

    Projectiebeheer.Voortgang voortgang(String naam) {
        long kop = kop();
        Generatie actieve = null;
        Generatie bouwend = null;
        for (Generatie generatie : register.generaties()) {
            if (generatie.naam().equals(naam) && generatie.actief()) {
                actieve = generatie;
            } else if (generatie.naam().equals(naam) && generatie.bouwen()) {
                bouwend = generatie;
            }
        }
        if (actieve == null) {
            throw new IllegalArgumentException("onbekend leesmodel: " + naam);
        }
        return new Projectiebeheer.Voortgang(naam, actieve.generatie(), kop,
                positie(actieve.processor()).stream().boxed().findFirst().orElse(null),
                bouwend == null ? null : bouwend.generatie(),
                bouwend == null ? null : positie(bouwend.processor()).stream().boxed().findFirst().orElse(null));
    }

    /** Events the serving generation is behind the head of the event store; empty before it has a token. */
    OptionalLong achterstand(String naam) {
        String processor = register.actieve(naam).map(Generatie::processor).orElse(null);
        if (processor == null) {
            return OptionalLong.empty();
        }
        OptionalLong positie = positie(processor);
        return positie.isPresent() ? OptionalLong.of(Math.max(0, kop() - positie.getAsLong())) : OptionalLong.empty();
    }

    private OptionalLong herbouwAchterstand(String naam) {
        return register.bouwende(naam).map(g -> OptionalLong.of(achterstandVan(g, kop()))).orElse(OptionalLong.empty());
    }

    /**
     * Events this generation still has to process up to {@code kop}: from its lowest token, or every
     * event in the store when it has no tokens yet (the global index starts at 1).
     */
    long achterstandVan(Generatie generatie, long kop) {
        long positie = positie(generatie.processor()).orElse(0);
        return Math.max(0, kop - Math.max(0, positie));
    }

    /** Events parked in the dead-letter queue of the serving generation. */
    long dodeBrieven(String naam) {
        return register.actieve(naam)
                .map(g -> jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup = ?",
                        Long.class, g.processor())).orElse(0L);
    }

    /**
     * Whether every segment's token of this generation has reached the given head of the event
     * store (not whether Axon stopped calling it a replay); an empty store counts as reached.
     */
    boolean bijgewerktTot(Generatie generatie, long kop) {
        OptionalLong positie = positie(generatie.processor());
        return kop < 0 || (positie.isPresent() && positie.getAsLong() >= kop);
    }

    /** Waits until the serving generation has processed every event stored so far. */
    boolean wachtTotBijgewerkt(String naam, Duration maximaal) {
        Instant tot = Instant.now().plus(maximaal);
        while (Instant.now().isBefore(tot)) {
            if (achterstand(naam).orElse(Long.MAX_VALUE) == 0) {
                return true;
            }
            slaap(50);
        }
        return false;
    }

    /** The lowest position over the processor's segments, from its stored tokens. */
    OptionalLong positie(String processor) {
        List<OptionalLong> posities = jdbc.query("SELECT token FROM tokenentry WHERE processorname = ?",
                (rij, nr) -> indexVan(rij.getBytes(1)), processor);
        if (posities.isEmpty() || posities.stream().anyMatch(OptionalLong::isEmpty)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(posities.stream().mapToLong(OptionalLong::getAsLong).min().orElseThrow());
    }

    private OptionalLong indexVan(byte[] token) {
        if (token == null) {
            return OptionalLong.of(-1);
        }
        try {
            JsonNode boom = json.readTree(token);
            // A replay token wraps the token it is working towards; its current position is what counts.
            JsonNode gevolgd = boom.has("currentToken") ? boom.path("currentToken") : boom;
            return gevolgd.has("index") ? OptionalLong.of(gevolgd.path("index").asLong()) : OptionalLong.empty();
        } catch (java.io.IOException e) {
            return OptionalLong.empty();
        }
    }

    /** The global index of the last event in the store; -1 when it is empty. */
    long kop() {
        Long kop = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        return kop == null ? -1 : kop;
    }

    private static void slaap(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
