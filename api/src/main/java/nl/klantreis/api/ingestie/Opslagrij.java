package nl.klantreis.api.ingestie;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.infrastructuur.privacy.Sleutel;

/**
 * The storing stage's queue (ADR 0034). Prepared requests wait here for an ingestion worker;
 * a worker takes every request that is waiting, up to {@code klantreis.ingestie.samenvoegen-tot}
 * valid messages, and stores them as one batch: one transaction, one preload, one append, one
 * wake-up of the read models, where each request would otherwise pay all of that on its own. It
 * never waits for more to come: alone, a request is stored as soon as a worker is free, exactly
 * as before; only what queued behind a busy worker is combined. Each request gets back its own
 * messages' outcomes, in its own positions, and waits for the same flush as the combined batch
 * ({@link Schijfbevestiging}). Combining changes no outcome: a (source, id) sent twice is one
 * {@code accepted} and one {@code duplicate}, as when the two requests are stored one after the
 * other; a message the domain refuses is taken out and the rest stored again; a message the
 * database will never take is found by storing each on its own ({@link Ingestiedienst#bewaar}).
 * What fails the transaction as a whole (the database away) fails each of the combined requests,
 * with the same 503 each would have got alone; nothing of any of them is stored then.
 */
final class Opslagrij {
    private final Ingestiedienst dienst;
    private final Ingestiemetrieken metrieken;
    private final Scheduler werkers;
    private final int samenvoegenTot;
    private final long wachttijdNanos;
    private final Queue<Opdracht> wachtend = new ConcurrentLinkedQueue<>();
    private final ReentrantLock nemen = new ReentrantLock();

    /**
     * @param samenvoegenTot the most valid messages stored together; a request with more is stored
     *                       on its own, and 1 stores every request on its own
     * @param wachttijdNanos a request that waited longer for a worker is answered 503 and not stored
     *                       (ADR 0023)
     */
    Opslagrij(Ingestiedienst dienst, Ingestiemetrieken metrieken, Scheduler werkers, int samenvoegenTot,
              long wachttijdNanos) {
        if (samenvoegenTot < 1) {
            throw new IllegalArgumentException("klantreis.ingestie.samenvoegen-tot is ten minste 1, niet "
                    + samenvoegenTot);
        }
        this.dienst = dienst;
        this.metrieken = metrieken;
        this.werkers = werkers;
        this.samenvoegenTot = samenvoegenTot;
        this.wachttijdNanos = wachttijdNanos;
    }

    /**
     * Stores the prepared request, perhaps together with others; what became of its messages. A
     * request that waited longer than the wait limit for a worker fails with
     * {@link IngestieController.TeLangGewacht}.
     */
    Mono<Ingestiedienst.Verwerkt> bewaar(Ingestiedienst.Voorbereid voorbereid, long aangekomen) {
        return Mono.defer(() -> Mono.fromFuture(zetInDeRij(new Opdracht(voorbereid, aangekomen, true,
                new CompletableFuture<>()))));
    }

    /**
     * For the engine's own callers (the source workers), which wait as long as it takes: stores
     * the prepared batch with the HTTP requests waiting beside it, and blocks until it is
     * committed.
     */
    Ingestiedienst.Verwerkt bewaarEnWacht(Ingestiedienst.Voorbereid voorbereid) {
        try {
            return zetInDeRij(new Opdracht(voorbereid, System.nanoTime(), false, new CompletableFuture<>())).join();
        } catch (CompletionException fout) {
            // The caller sees what storing threw, as when it stored on its own.
            if (fout.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (fout.getCause() instanceof Error error) {
                throw error;
            }
            throw fout;
        }
    }

    private CompletableFuture<Ingestiedienst.Verwerkt> zetInDeRij(Opdracht opdracht) {
        wachtend.add(opdracht);
        try {
            // One turn per request: a turn that finds its own request taken by an earlier one has
            // nothing to do and ends at once.
            werkers.schedule(this::beurt);
        } catch (RejectedExecutionException gestopt) {
            if (wachtend.remove(opdracht)) {
                opdracht.uitkomst().completeExceptionally(gestopt);
            }
        }
        return opdracht.uitkomst();
    }

    /** One worker's turn: takes what is waiting and stores it as one batch. */
    private void beurt() {
        List<Opdracht> genomen = neem();
        if (genomen.isEmpty()) {
            return;
        }
        List<Opdracht> opTijd = new ArrayList<>(genomen.size());
        long nu = System.nanoTime();
        for (Opdracht opdracht : genomen) {
            if (opdracht.begrensd() && nu - opdracht.aangekomen() > wachttijdNanos) {
                opdracht.uitkomst().completeExceptionally(new IngestieController.TeLangGewacht());
            } else {
                opTijd.add(opdracht);
            }
        }
        if (opTijd.isEmpty()) {
            return;
        }
        metrieken.samen(opTijd.size());
        try {
            if (opTijd.size() == 1) {
                opTijd.get(0).uitkomst().complete(dienst.bewaar(opTijd.get(0).voorbereid()));
                return;
            }
            List<Ingestiedienst.Voorbereid> delen = opTijd.stream().map(Opdracht::voorbereid).toList();
            Ingestiedienst.Verwerkt samen = dienst.bewaar(voegSamen(delen));
            List<List<Uitslag>> perDeel = splits(samen.uitslagen(), delen);
            for (int i = 0; i < opTijd.size(); i++) {
                opTijd.get(i).uitkomst().complete(new Ingestiedienst.Verwerkt(perDeel.get(i), samen.opSchijf()));
            }
        } catch (RuntimeException | Error fout) {
            opTijd.forEach(o -> o.uitkomst().completeExceptionally(fout));
            if (fout instanceof Error error) {
                throw error;
            }
        }
    }

    /**
     * The first waiting request, and those behind it while their valid messages fit under the
     * limit together; in the order they came. Requests whose sender went away are left out.
     */
    private List<Opdracht> neem() {
        List<Opdracht> genomen = new ArrayList<>();
        nemen.lock();
        try {
            int berichten = 0;
            for (Opdracht volgende = wachtend.peek(); volgende != null; volgende = wachtend.peek()) {
                int grootte = volgende.voorbereid().geldig().size();
                if (!genomen.isEmpty() && berichten + grootte > samenvoegenTot) {
                    break;
                }
                wachtend.poll();
                if (!volgende.uitkomst().isCancelled()) {
                    genomen.add(volgende);
                    berichten += grootte;
                }
            }
        } finally {
            nemen.unlock();
        }
        return genomen;
    }

    /**
     * One prepared batch of several: positions shifted so that they run on from one request to
     * the next, the keys of all of them together (a key is one row per klant or zaak, so two
     * requests that fetched the same klant's key fetched the same key).
     */
    static Ingestiedienst.Voorbereid voegSamen(List<Ingestiedienst.Voorbereid> delen) {
        int totaal = delen.stream().mapToInt(d -> d.uitslagen().length).sum();
        Uitslag[] uitslagen = new Uitslag[totaal];
        List<Beoordeling> geldig = new ArrayList<>();
        Map<KlantId, Sleutel> klanten = new HashMap<>();
        Map<ZaakId, Sleutel> zaken = new HashMap<>();
        int verschuiving = 0;
        for (Ingestiedienst.Voorbereid deel : delen) {
            for (int i = 0; i < deel.uitslagen().length; i++) {
                Uitslag u = deel.uitslagen()[i];
                if (u != null) {
                    uitslagen[verschuiving + i] = verschoven(u, verschuiving);
                }
            }
            for (Beoordeling b : deel.geldig()) {
                geldig.add(new Beoordeling(b.positie() + verschuiving, b.source(), b.id(), b.type(), b.bericht(),
                        b.fouten()));
            }
            deel.sleutels().klanten().forEach(klanten::putIfAbsent);
            deel.sleutels().zaken().forEach(zaken::putIfAbsent);
            verschuiving += deel.uitslagen().length;
        }
        return new Ingestiedienst.Voorbereid(uitslagen, geldig, new Sleutels(klanten, zaken));
    }

    /** Each request's outcomes back in its own positions. */
    static List<List<Uitslag>> splits(List<Uitslag> samen, List<Ingestiedienst.Voorbereid> delen) {
        List<List<Uitslag>> perDeel = new ArrayList<>(delen.size());
        int verschuiving = 0;
        for (Ingestiedienst.Voorbereid deel : delen) {
            int lengte = deel.uitslagen().length;
            List<Uitslag> eigen = new ArrayList<>(lengte);
            for (Uitslag u : samen.subList(verschuiving, verschuiving + lengte)) {
                eigen.add(verschoven(u, -verschuiving));
            }
            perDeel.add(eigen);
            verschuiving += lengte;
        }
        return perDeel;
    }

    private static Uitslag verschoven(Uitslag u, int verschuiving) {
        return new Uitslag(u.positie() + verschuiving, u.source(), u.id(), u.resultaat(), u.fouten());
    }

    /** Requests waiting for a worker now. */
    int wachtend() {
        return wachtend.size();
    }

    private record Opdracht(Ingestiedienst.Voorbereid voorbereid, long aangekomen, boolean begrensd,
                            CompletableFuture<Ingestiedienst.Verwerkt> uitkomst) {
    }
}
