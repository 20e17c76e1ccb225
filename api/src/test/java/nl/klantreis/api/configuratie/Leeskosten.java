package nl.klantreis.api.configuratie;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryMessage;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import nl.klantreis.api.audit.Tracecontext;
import nl.klantreis.infrastructuur.opslag.Eventserialisatie;
import nl.klantreis.projecties.leesmodel.Tijdstiplezer;
import nl.klantreis.projecties.mijnzaken.Zaakdossier;

/**
 * What the levers of ADR 0033 take off a read, each old against new on one thread in one JVM: a
 * program that prints figures, not a test (docs/benchmarks.md, "Lezen: goedkoper per verzoek").
 * Side-by-side throughput of whole reads on two shared cores cannot resolve a few per cent (an A/A
 * run differs by as much); the cost of the replaced code itself can be weighed exactly.
 *
 * <pre>
 * java -cp "$(cat cp.txt)" nl.klantreis.api.configuratie.Leeskosten [seconden per meting, default 3]
 * </pre>
 * Run from the worktree's root ({@code Zaakdossier.json} is read from the projections' approved documents).
 */
public final class Leeskosten {
    private static final Path ZAAKDOSSIER = Path.of("projections/src/test/resources/leesmodeldocumenten/Zaakdossier.json");

    private Leeskosten() {
    }

    public static void main(String[] args) throws Exception {
        double seconden = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        System.out.printf(Locale.ROOT, "Leeskosten: ns per bewerking, een draad, %.0f s opwarmen + %.0f s meten per regel%n",
                seconden, seconden);

        // The query bus monitor: Axon's (as its Spring Boot configuration registers it for the
        // query bus) against Vraagmonitor, each on a registry of its own as the engine's.
        QueryMessage<String, String> vraag = new GenericQueryMessage<>("vraag", ResponseTypes.instanceOf(String.class));
        @SuppressWarnings("unchecked")
        MessageMonitor<Message<?>> axon = (MessageMonitor<Message<?>>) (MessageMonitor<?>)
                new GlobalMetricRegistry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).registerQueryBus("queryBus");
        MessageMonitor<Message<?>> eigen = new Vraagmonitor("queryBus",
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.SYSTEM);
        vergelijk("vraagmonitor per query", seconden, () -> {
            axon.onMessageIngested(vraag).reportSuccess();
            return 1;
        }, () -> {
            eigen.onMessageIngested(vraag).reportSuccess();
            return 1;
        });

        // A full Zaakdossier as stored (every field filled: 25 instants).
        String document = Files.readString(ZAAKDOSSIER);
        ObjectMapper jackson = Eventserialisatie.objectMapper();
        ObjectMapper snel = Eventserialisatie.objectMapper().registerModule(Tijdstiplezer.module());
        vergelijk("Zaakdossier lezen (JSON -> document)", seconden,
                () -> jackson.readValue(document, Zaakdossier.class).hashCode(),
                () -> snel.readValue(document, Zaakdossier.class).hashCode());

        // Not changed (ADR 0033, "Not done"), weighed here: one observation started and stopped
        // with and without its long-task timer (management.observations.long-task-timer.enabled).
        ObservationRegistry metLangeTaak = ObservationRegistry.create();
        metLangeTaak.observationConfig().observationHandler(
                new DefaultMeterObservationHandler(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
        ObservationRegistry zonderLangeTaak = ObservationRegistry.create();
        zonderLangeTaak.observationConfig().observationHandler(new DefaultMeterObservationHandler(
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER));
        vergelijk("observatie met / zonder long-task timer", seconden,
                () -> observeer(metLangeTaak), () -> observeer(zonderLangeTaak));

        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String span = "00f067aa0ba902b7";
        vergelijk("trace context controleren", seconden,
                () -> trace.matches("[0-9a-f]{32}") && span.matches("[0-9a-f]{16}") ? 1 : 0,
                () -> new Tracecontext(trace, span).hashCode());
    }

    private static int observeer(ObservationRegistry register) {
        Observation observatie = Observation.createNotStarted("http.server.requests", register)
                .lowCardinalityKeyValue("uri", "/api/v1/mijnzaken/{zaakId}").lowCardinalityKeyValue("status", "200")
                .start();
        observatie.stop();
        return 1;
    }

    private static void vergelijk(String naam, double seconden, Callable<Integer> oud, Callable<Integer> nieuw)
            throws Exception {
        meet(oud, seconden);
        meet(nieuw, seconden);
        double nsOud = meet(oud, seconden);
        double nsNieuw = meet(nieuw, seconden);
        System.out.printf(Locale.ROOT, "  %-40s oud %,9.0f ns   nieuw %,9.0f ns   verschil %,9.0f ns (%.0f%%)%n", naam,
                nsOud, nsNieuw, nsOud - nsNieuw, 100 * (nsOud - nsNieuw) / nsOud);
    }

    /** Nanoseconds per call, over {@code seconden} of calls; the sum of the results keeps the work alive. */
    private static double meet(Callable<Integer> werk, double seconden) throws Exception {
        long einde = System.nanoTime() + (long) (seconden * 1e9);
        long begin = System.nanoTime();
        long keer = 0;
        long som = 0;
        long nu;
        do {
            for (int i = 0; i < 100; i++) {
                som += werk.call();
            }
            keer += 100;
            nu = System.nanoTime();
        } while (nu < einde);
        if (som == 42) {
            System.out.print("");
        }
        return (double) (nu - begin) / keer;
    }
}
