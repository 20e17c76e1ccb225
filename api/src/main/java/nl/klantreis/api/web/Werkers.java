package nl.klantreis.api.web;

import java.util.concurrent.Callable;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Query handlers read PostgreSQL with JDBC and Axon's query bus runs them on the caller's
 * thread: they are called here, on workers, never on a Netty event loop.
 */
public final class Werkers {
    private static final Scheduler LEZERS = Schedulers.newBoundedElastic(
            Math.max(8, 4 * Runtime.getRuntime().availableProcessors()), 100_000, "lezer", 60, true);

    private Werkers() {
    }

    public static <T> Mono<T> blokkerend(Callable<T> werk) {
        return Mono.fromCallable(werk).subscribeOn(LEZERS);
    }
}
