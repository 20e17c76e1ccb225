package nl.klantreis.api.ingestie;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Makes the ingestion's commits durable for many batches at once (ADR 0032). A batch commits with
 * {@code synchronous_commit = off}: PostgreSQL answers the COMMIT without waiting for the WAL to
 * reach the disk, so the ingestion worker goes on with the next batch at once. Before the sender
 * hears anything, {@link #naCommit()} must have completed: one thread here runs, for everyone who
 * registered since its last round, one tiny transaction that writes one WAL record and commits with
 * {@code synchronous_commit = on}. Its commit record lies after every commit that ended before it
 * began, and PostgreSQL flushes the WAL in order, so when it returns all those batches are on disk.
 *
 * <p>What another reader sees in between (the read models, the next batch) is committed but perhaps
 * not yet on disk. Should the database crash then, the WAL is replayed up to its last flushed record:
 * whatever saw such a batch and wrote after it is lost with it, so nothing is left that depends on a
 * lost batch, and its sender, who had no answer, sends it again.
 */
@Component
class Schijfbevestiging implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(Schijfbevestiging.class);
    private static final CompletableFuture<Void> STOP = new CompletableFuture<>();

    private final DataSource dataSource;
    private final BlockingQueue<CompletableFuture<Void>> wachtenden = new LinkedBlockingQueue<>();
    private final Thread draad;
    private final Timer ronde;
    private final DistributionSummary groep;
    private volatile boolean aanvaardt = true;

    Schijfbevestiging(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.ronde = Timer.builder("klantreis.ingestie.schijfbevestiging")
                .description("One flush of the WAL that makes the batches committed before it durable")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.groep = DistributionSummary.builder("klantreis.ingestie.schijfbevestiging.batches")
                .description("Batches made durable by one flush").register(registry);
        this.draad = new Thread(this::bevestig, "ingestie-schijf");
        this.draad.setDaemon(true);
        this.draad.start();
    }

    /**
     * Completes once everything this thread committed before the call is on disk; fails with
     * {@link Nietbevestigd} when the database could not confirm it.
     */
    CompletableFuture<Void> naCommit() {
        CompletableFuture<Void> bevestiging = new CompletableFuture<>();
        if (!aanvaardt || !wachtenden.offer(bevestiging)) {
            bevestiging.completeExceptionally(new Nietbevestigd("de engine stopt", null));
        }
        return bevestiging;
    }

    /** Waits for a {@link #naCommit()}: for callers on a worker thread of their own. */
    static void wacht(CompletableFuture<Void> bevestiging) {
        try {
            bevestiging.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Nietbevestigd("onderbroken tijdens het wachten op de schijf", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
        }
    }

    private void bevestig() {
        List<CompletableFuture<Void>> ronde = new ArrayList<>();
        boolean doorgaan = true;
        while (doorgaan) {
            try {
                ronde.add(wachtenden.take());
            } catch (InterruptedException e) {
                break;
            }
            wachtenden.drainTo(ronde);
            doorgaan = !ronde.removeIf(b -> b == STOP);
            if (!ronde.isEmpty()) {
                spoel(ronde);
            }
            ronde.clear();
        }
        List<CompletableFuture<Void>> over = new ArrayList<>();
        wachtenden.drainTo(over);
        over.stream().filter(b -> b != STOP).forEach(b -> b.completeExceptionally(new Nietbevestigd("de engine stopt", null)));
    }

    private void spoel(List<CompletableFuture<Void>> bevestigingen) {
        long begin = System.nanoTime();
        try (Connection verbinding = dataSource.getConnection()) {
            verbinding.setAutoCommit(false);
            try (Statement opdracht = verbinding.createStatement()) {
                opdracht.execute("set local synchronous_commit = on");
                // A transaction that wrote WAL commits synchronously, flushing the WAL up to its commit
                // record: past the commit of every batch that registered before this began. An xid
                // alone is not enough (PostgreSQL then commits it asynchronously); a transactional
                // logical message is one small WAL record, and no table is needed for it.
                opdracht.execute("select pg_logical_emit_message(true, 'klantreis-schijfbevestiging', '')");
                verbinding.commit();
            } catch (SQLException | RuntimeException fout) {
                try {
                    verbinding.rollback();
                } catch (SQLException opruimen) {
                    fout.addSuppressed(opruimen);
                }
                throw fout;
            } finally {
                verbinding.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException fout) {
            LOG.warn("de database bevestigde niet dat {} batch(es) op schijf staan: {}", bevestigingen.size(), fout.toString());
            Nietbevestigd reden = new Nietbevestigd("de database bevestigde niet dat de batch op schijf staat", fout);
            bevestigingen.forEach(b -> b.completeExceptionally(reden));
            return;
        }
        ronde.record(System.nanoTime() - begin, TimeUnit.NANOSECONDS);
        groep.record(bevestigingen.size());
        bevestigingen.forEach(b -> b.complete(null));
    }

    /** Confirms what is waiting, then stops; runs after the ingestion workers have stopped. */
    @Override
    public void destroy() throws InterruptedException {
        aanvaardt = false;
        wachtenden.put(STOP);
        draad.join(TimeUnit.SECONDS.toMillis(10));
        if (draad.isAlive()) {
            draad.interrupt();
        }
    }

    /**
     * The batch was committed, but the database did not confirm that it is on disk (it went away
     * in between): the sender must send it again, and whatever was stored after all is then
     * answered {@code duplicate}.
     */
    static final class Nietbevestigd extends RuntimeException {
        Nietbevestigd(String bericht, Throwable oorzaak) {
            super(bericht, oorzaak);
        }
    }
}
