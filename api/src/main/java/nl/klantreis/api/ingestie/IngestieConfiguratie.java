package nl.klantreis.api.ingestie;

import java.time.Clock;
import java.time.Duration;


import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;

import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.domein.referentie.Kanalen;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The parts of ingestion of its own: the clock, the judge and its workers. */
@Configuration(proxyBeanMethods = false)
class IngestieConfiguratie {

    @Bean
    Clock klok() {
        return Clock.systemUTC();
    }

    @Bean
    BerichtKeuring berichtKeuring(Kanalen kanalen, Catalogus catalogus, Clock klok) {
        return new BerichtKeuring(kanalen, catalogus, klok);
    }

    /**
     * Ingestion blocks on JDBC, so it runs here rather than on Netty's event loop. One worker by
     * default: concurrent batches that share aggregates (and realistic ones do) only wait on each
     * other's locks, deadlock, roll back and leave gaps in the global index (docs/benchmarks.md);
     * one at a time is faster. Other requests queue.
     */
    @Bean(destroyMethod = "dispose")
    Ingestiewerkers ingestiewerkers(@Value("${klantreis.ingestie.werkers:1}") int werkers,
                                    @Value("${klantreis.ingestie.voorbereiders:2}") int voorbereiders) {
        return new Ingestiewerkers(Schedulers.newBoundedElastic(werkers, 10_000, "ingestie"),
                Schedulers.newBoundedElastic(voorbereiders, 10_000, "ingestie-voorbereiding"));
    }

    /**
     * The storing stage's queue: requests that wait for a worker are stored together, up to this
     * many valid messages in one transaction (ADR 0034); 1 stores each request on its own.
     */
    @Bean
    Opslagrij opslagrij(Ingestiedienst dienst, Ingestiemetrieken metrieken, Ingestiewerkers werkers,
                        Wachttijd wachttijd, @Value("${klantreis.ingestie.samenvoegen-tot:500}") int samenvoegenTot) {
        return new Opslagrij(dienst, metrieken, werkers.scheduler(), samenvoegenTot, wachttijd.maximum().toNanos());
    }

    @Bean
    Batchgrens batchgrens(@Value("${klantreis.ingestie.maximum-batch:5000}") int maximum) {
        return new Batchgrens(maximum);
    }

    /**
     * The workers stop as a lifecycle of their own: after the web server has stopped (Spring Boot's
     * graceful shutdown at {@code Integer.MAX_VALUE - 1024}, the reactive web server's stop at
     * {@code - 2048}) and before Axon's whole configuration stops and unsubscribes its command
     * handlers ({@code SpringAxonConfiguration.LIFECYCLE_PHASE}, {@code Integer.MAX_VALUE - 3072}).
     * Stopped later, a batch still being stored found no handler for its commands (a stop in the
     * middle of a batch logged a {@code NoHandlerForCommandException}).
     */
    record Ingestiewerkers(Scheduler scheduler, Scheduler voorbereiding) implements SmartLifecycle {
        static final int FASE = Integer.MAX_VALUE - 2560;

        /**
         * The workers that store, and the ones that prepare batches for them (parse, judge, keys;
         * {@code klantreis.ingestie.voorbereiders}, default 2): on those, the next batches are
         * prepared while one is stored (ADR 0032).
         */
        Ingestiewerkers {
        }

        /** One pool for both, as in tests that need no second stage. */
        Ingestiewerkers(Scheduler scheduler) {
            this(scheduler, scheduler);
        }

        /**
         * Lets a batch that is being stored finish its transaction (the web server has stopped
         * taking requests by now), rather than interrupt it; whatever it had not answered is not
         * acknowledged, and a resend is idempotent.
         */
        void dispose() {
            stop(voorbereiding);
            stop(scheduler);
        }

        private static void stop(Scheduler pool) {
            if (pool.isDisposed()) {
                return;
            }
            try {
                pool.disposeGracefully().timeout(Duration.ofSeconds(5)).block();
            } catch (RuntimeException e) {
                pool.dispose();
            }
        }

        @Override
        public void start() {
            // The scheduler runs from construction; nothing to start.
        }

        @Override
        public void stop() {
            dispose();
        }

        @Override
        public boolean isRunning() {
            return !scheduler.isDisposed();
        }

        @Override
        public int getPhase() {
            return FASE;
        }
    }

    record Batchgrens(int maximum) {
    }

    /** How long a request may wait for an ingestion worker before it is answered 503 (ADR 0023). */
    @Bean
    Wachttijd ingestiewachttijd(@Value("${klantreis.ingestie.wachttijd:5s}") Duration maximum) {
        return new Wachttijd(maximum);
    }

    record Wachttijd(Duration maximum) {
    }
}
