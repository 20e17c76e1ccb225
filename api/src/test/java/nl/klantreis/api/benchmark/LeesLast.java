package nl.klantreis.api.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Burgers reading their zaak: {@code n} connections, each sending {@code GET
 * /api/v1/mijnzaken/{zaakId}} with the owner's token for a random (zaak, burger) pair, the next
 * as soon as the answer is in (a closed loop: {@code n} requests in flight at every moment).
 *
 * <p>Reactor Netty's client on event loops of its own ({@code lees-client-*} threads, two: one
 * per core), so its CPU can be told apart from the server's ({@code webflux-http-*}), and a pool
 * of exactly {@code n} connections, kept alive. Every answer is read to the end. Latency is from
 * the request's subscription (connection taken from the pool) to the last byte of the answer.
 */
final class LeesLast implements AutoCloseable {
    static final String DRADEN = "lees-client";

    private final LoopResources lussen;
    private final ConnectionProvider pool;
    private final HttpClient basis;
    private final int verbindingen;

    /** A request ready to go: path and the burger's token. */
    record Verzoek(String pad, String autorisatie) {
    }

    LeesLast(int verbindingen) {
        this.verbindingen = verbindingen;
        this.lussen = LoopResources.create(DRADEN, 2, true);
        this.pool = ConnectionProvider.builder("lees-benchmark")
                .maxConnections(verbindingen)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(1))
                .maxIdleTime(Duration.ofMinutes(10))
                .build();
        this.basis = HttpClient.create(pool).runOn(lussen).keepAlive(true).compress(false)
                .responseTimeout(Duration.ofSeconds(60));
    }

    /** Every completed request: when it ended, how long it took, its HTTP status (-1: no answer). */
    static final class Uitslag {
        private final long[] einde;
        private final long[] duur;
        private final int[] status;
        private final int aantal;
        final String eersteFout;

        Uitslag(long[] einde, long[] duur, int[] status, int aantal, String eersteFout) {
            this.einde = einde;
            this.duur = duur;
            this.status = status;
            this.aantal = aantal;
            this.eersteFout = eersteFout;
        }

        /** The requests that ended in {@code [van, tot)} (nanoTime). */
        Venster venster(long van, long tot) {
            int n = 0;
            for (int i = 0; i < aantal; i++) {
                if (einde[i] >= van && einde[i] < tot) {
                    n++;
                }
            }
            long[] ms = new long[n];
            long fouten = 0;
            int j = 0;
            for (int i = 0; i < aantal; i++) {
                if (einde[i] >= van && einde[i] < tot) {
                    ms[j++] = duur[i];
                    if (status[i] != 200) {
                        fouten++;
                    }
                }
            }
            Arrays.sort(ms);
            return new Venster(ms, fouten, (tot - van) / 1e9);
        }

        long fouten() {
            long fouten = 0;
            for (int i = 0; i < aantal; i++) {
                if (status[i] != 200) {
                    fouten++;
                }
            }
            return fouten;
        }

        int aantal() {
            return aantal;
        }
    }

    /** The requests of the measured window: latencies sorted (nanoseconds). */
    record Venster(long[] duurNs, long fouten, double seconden) {
        double perSeconde() {
            return duurNs.length / seconden;
        }

        /** Nearest-rank percentile, in milliseconds. */
        double percentielMs(double p) {
            if (duurNs.length == 0) {
                return Double.NaN;
            }
            int rang = (int) Math.ceil(p / 100.0 * duurNs.length);
            return duurNs[Math.max(0, rang - 1)] / 1e6;
        }

        double gemiddeldeMs() {
            return Arrays.stream(duurNs).average().orElse(Double.NaN) / 1e6;
        }

        double maxMs() {
            return duurNs.length == 0 ? Double.NaN : duurNs[duurNs.length - 1] / 1e6;
        }
    }

    /** Per connection: what it did, without sharing anything with the others while it runs. */
    private static final class Spoor {
        long[] einde = new long[1 << 14];
        long[] duur = new long[1 << 14];
        int[] status = new int[1 << 14];
        int aantal;

        void leg(long eind, long d, int s) {
            if (aantal == einde.length) {
                einde = Arrays.copyOf(einde, aantal * 2);
                duur = Arrays.copyOf(duur, aantal * 2);
                status = Arrays.copyOf(status, aantal * 2);
            }
            einde[aantal] = eind;
            duur[aantal] = d;
            status[aantal] = s;
            aantal++;
        }
    }

    /** Runs the closed loop against {@code poort} until {@code tot} (nanoTime). */
    Uitslag draai(int poort, List<Verzoek> verzoeken, long tot) {
        return draai(poort, verzoeken, () -> System.nanoTime() < tot);
    }

    /**
     * Runs the closed loop against {@code poort} as long as {@code doorgaan}; requests in flight
     * when it turns false are awaited and recorded too.
     */
    Uitslag draai(int poort, List<Verzoek> verzoeken, BooleanSupplier doorgaan) {
        HttpClient client = basis.baseUrl("http://localhost:" + poort);
        List<Spoor> sporen = new ArrayList<>();
        AtomicReference<String> eersteFout = new AtomicReference<>();
        for (int i = 0; i < verbindingen; i++) {
            sporen.add(new Spoor());
        }
        Flux.range(0, verbindingen)
                .flatMap(nummer -> {
                    Spoor spoor = sporen.get(nummer);
                    return Mono.defer(() -> {
                                Verzoek verzoek = verzoeken.get(ThreadLocalRandom.current().nextInt(verzoeken.size()));
                                long[] begin = new long[1];
                                return client.headers(h -> h.set(HttpHeaderNames.AUTHORIZATION, verzoek.autorisatie())
                                                .set(HttpHeaderNames.ACCEPT, "application/json"))
                                        .get().uri(verzoek.pad())
                                        .responseSingle((antwoord, inhoud) -> inhoud.asByteArray()
                                                .map(b -> {
                                                    int status = antwoord.status().code();
                                                    if (status != 200) {
                                                        eersteFout.compareAndSet(null, "HTTP " + status + " op "
                                                                + verzoek.pad() + ": " + new String(b,
                                                                java.nio.charset.StandardCharsets.UTF_8));
                                                    }
                                                    return status;
                                                })
                                                .defaultIfEmpty(antwoord.status().code()))
                                        .doOnSubscribe(s -> begin[0] = System.nanoTime())
                                        .onErrorResume(fout -> {
                                            eersteFout.compareAndSet(null, fout.toString());
                                            return Mono.just(-1);
                                        })
                                        .doOnNext(status -> {
                                            long nu = System.nanoTime();
                                            spoor.leg(nu, nu - begin[0], status);
                                        });
                            })
                            .repeat(doorgaan);
                }, verbindingen)
                .blockLast(Duration.ofMinutes(30));
        int totaal = sporen.stream().mapToInt(s -> s.aantal).sum();
        long[] einde = new long[totaal];
        long[] duur = new long[totaal];
        int[] status = new int[totaal];
        int k = 0;
        for (Spoor s : sporen) {
            System.arraycopy(s.einde, 0, einde, k, s.aantal);
            System.arraycopy(s.duur, 0, duur, k, s.aantal);
            System.arraycopy(s.status, 0, status, k, s.aantal);
            k += s.aantal;
        }
        return new Uitslag(einde, duur, status, totaal, eersteFout.get());
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(10));
        lussen.disposeLater().block(Duration.ofSeconds(10));
    }
}
