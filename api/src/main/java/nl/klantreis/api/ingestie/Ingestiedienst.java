package nl.klantreis.api.ingestie;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.axonframework.common.lock.DeadlockException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;

import reactor.core.scheduler.Schedulers;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.RegelOvertreden;
import nl.klantreis.infrastructuur.opslag.VoorladendeEventopslag;

/**
 * Stores a batch of CloudEvents: the transaction, its retries and its fallbacks. The keuring judges
 * each message, the {@link Ontvangstregister} records what was received and the {@link Vertaling}
 * turns messages into commands; none of them knows this batch's failures. A batch is one unit of work and one
 * database transaction: the (source, id) rows that make resends idempotent, the klanten's keys
 * and every event are committed together, and only once that commit is on disk is the answer given
 * ({@link Schijfbevestiging}, which confirms many batches' commits with one flush). A message the
 * domain refuses (it contradicts what is known) is taken out and the rest is done again, so
 * nothing of a rejected message is stored and nothing accepted is lost. Blocking: callers run it
 * on a worker thread, never on an event loop.
 */
@Service
class Ingestiedienst {
    private static final Logger LOG = LoggerFactory.getLogger(Ingestiedienst.class);
    private static final int POGINGEN_BIJ_CONFLICT = 8;

    private final BerichtKeuring keuring;
    private final Ontvangstregister register;
    private final Vertaling vertaling;
    private final TransactionManager transacties;
    private final Clock klok;
    private final Ingestiemetrieken metrieken;
    private final VoorladendeEventopslag eventopslag;
    private final Schijfbevestiging schijf;

    Ingestiedienst(BerichtKeuring keuring, Ontvangstregister register, Vertaling vertaling,
                   TransactionManager transacties, Clock klok, Ingestiemetrieken metrieken,
                   VoorladendeEventopslag eventopslag, Schijfbevestiging schijf) {
        this.keuring = keuring;
        this.register = register;
        this.vertaling = vertaling;
        this.transacties = transacties;
        this.klok = klok;
        this.metrieken = metrieken;
        this.eventopslag = eventopslag;
        this.schijf = schijf;
    }

    /**
     * What can be done before the batch's transaction, and by several threads at once (ADR 0032):
     * judge every message and fetch or make the keys the valid ones need, in a short transaction
     * of its own. A new klant's key row would otherwise stay locked until the batch commits, and
     * every other batch with that klant would wait for all of it; a key nobody ends up using is
     * harmless.
     */
    Voorbereid bereidVoor(List<JsonNode> berichten) {
        nietOpEenEventloop();
        Uitslag[] uitslagen = new Uitslag[berichten.size()];
        List<Beoordeling> geldig = new ArrayList<>();
        for (int positie = 0; positie < berichten.size(); positie++) {
            Beoordeling beoordeling = keuring.keur(positie, berichten.get(positie));
            if (beoordeling.geldig()) {
                geldig.add(beoordeling);
            } else {
                uitslagen[positie] = afgewezen(beoordeling, beoordeling.fouten());
                metrieken.tel(beoordeling, Uitslag.Resultaat.REJECTED);
            }
        }
        Sleutels sleutels = geldig.isEmpty() ? Sleutels.GEEN : haalSleutels(geldig);
        return new Voorbereid(uitslagen, geldig, sleutels);
    }

    /**
     * The key transaction, done again when PostgreSQL broke a deadlock by aborting it: on a fresh
     * installation two of them can each give some of the 256 KEK buckets their first KEK (klant
     * keys, then zaak keys, each in bucket order) and wait for the other's rows. The other one has
     * committed by then; nothing of the aborted one remains but KEK files no row names, which the
     * next start's maintenance destroys.
     */
    private Sleutels haalSleutels(List<Beoordeling> geldig) {
        for (int conflicten = 0; ; ) {
            try {
                return transacties.fetchInTransaction(() -> {
                    register.zonderSchijfwacht();
                    return vertaling.haalSleutels(geldig);
                });
            } catch (RuntimeException fout) {
                if (!opnieuwNaConflict(fout, ++conflicten, "sleuteltransactie")) {
                    throw fout;
                }
            }
        }
    }

    /** A judged batch with its keys, ready for {@link #bewaar}. */
    record Voorbereid(Uitslag[] uitslagen, List<Beoordeling> geldig, Sleutels sleutels) {
    }

    /**
     * Stores the valid messages of a prepared batch; the answer may be given only once
     * {@link Verwerkt#opSchijf()} has completed (ADR 0032): the batch is committed, but perhaps
     * not yet on disk.
     */
    Verwerkt bewaar(Voorbereid voorbereid) {
        nietOpEenEventloop();
        Uitslag[] uitslagen = voorbereid.uitslagen();
        List<Beoordeling> geldig = voorbereid.geldig();
        Sleutels sleutels = voorbereid.sleutels();
        Map<Integer, List<Fout>> weigeringen = new HashMap<>();
        try {
            bewaarSamen(geldig, sleutels, weigeringen, uitslagen);
        } catch (BlijvendeDatabasefout blijvend) {
            // One message the database will never take (the checks should have made this impossible):
            // which one is unknown, so each is stored on its own; only the one that fails is rejected.
            List<Beoordeling> over = geldig.stream().filter(b -> !weigeringen.containsKey(b.positie())).toList();
            LOG.warn("de database weigert een bericht blijvend (SQLSTATE {}); {} bericht(en) worden elk apart opgeslagen",
                    blijvend.sqlState, over.size());
            for (Beoordeling b : over) {
                try {
                    if (over.size() == 1) {
                        throw blijvend;
                    }
                    bewaarSamen(List.of(b), sleutels, weigeringen, uitslagen);
                } catch (BlijvendeDatabasefout alleen) {
                    LOG.warn("bericht op positie {} blijvend geweigerd door de database (SQLSTATE {})", b.positie(),
                            alleen.sqlState);
                    weigeringen.put(b.positie(), List.of(new Fout("", "de database kan dit bericht niet opslaan"
                            + " (SQLSTATE " + alleen.sqlState + "); het wordt ook later niet aangenomen")));
                }
            }
        }
        for (Map.Entry<Integer, List<Fout>> weigering : weigeringen.entrySet()) {
            Beoordeling b = geldig.stream().filter(g -> g.positie() == weigering.getKey()).findFirst().orElseThrow();
            uitslagen[b.positie()] = afgewezen(b, weigering.getValue());
            metrieken.tel(b, Uitslag.Resultaat.REJECTED);
        }
        List<Uitslag> antwoord = Arrays.asList(uitslagen);
        boolean opgeslagen = antwoord.stream().anyMatch(u -> u.resultaat() != Uitslag.Resultaat.REJECTED);
        return new Verwerkt(antwoord, opgeslagen ? schijf.naCommit() : CompletableFuture.completedFuture(null));
    }

    /**
     * What became of each message, and when that may be told: a {@code duplicate} too, since the
     * original it refers to may itself be committed and not yet on disk.
     */
    record Verwerkt(List<Uitslag> uitslagen, CompletableFuture<Void> opSchijf) {
    }

    private static void nietOpEenEventloop() {
        if (Schedulers.isInNonBlockingThread()) {
            throw new IllegalStateException("ingestie blokkeert op de database en hoort niet op een event-loop-thread");
        }
    }

    /**
     * Stores the messages in one transaction, taking out each one the domain refuses and doing the
     * rest again; a concurrent write to the same aggregate is retried.
     *
     * @throws BlijvendeDatabasefout when the database refuses the data itself; nothing is stored then
     */
    private void bewaarSamen(List<Beoordeling> geldig, Sleutels sleutels, Map<Integer, List<Fout>> weigeringen,
                        Uitslag[] uitslagen) {
        int conflicten = 0;
        while (true) {
            List<Beoordeling> teDoen = geldig.stream().filter(b -> !weigeringen.containsKey(b.positie())).toList();
            try {
                Map<Integer, Uitslag.Resultaat> resultaten = inEenTransactie(teDoen, sleutels);
                for (Beoordeling b : teDoen) {
                    Uitslag.Resultaat resultaat = resultaten.get(b.positie());
                    uitslagen[b.positie()] = new Uitslag(b.positie(), b.source(), b.id(), resultaat, List.of());
                    metrieken.tel(b, resultaat);
                }
                return;
            } catch (Geweigerd geweigerd) {
                weigeringen.put(geweigerd.positie, List.of(geweigerd.fout));
            } catch (RuntimeException fout) {
                String blijvend = blijvendeSqlState(fout);
                if (blijvend != null) {
                    throw new BlijvendeDatabasefout(blijvend);
                }
                // Another node or request wrote the same aggregate first: do it again on fresh state.
                if (!opnieuwNaConflict(fout, ++conflicten, "batch")) {
                    throw fout;
                }
            }
        }
    }

    /**
     * The SQLSTATE when the database refused the data itself, so that sending it again can never
     * succeed: class 22 (data exception: a NUL in text, an invalid byte sequence, a value too long)
     * and 54 (program limit exceeded: an index row too large). Anything else (a lost connection, a
     * full disk, a bug of ours) may pass, and stays a 503 "try again later".
     */
    static String blijvendeSqlState(Throwable fout) {
        for (Throwable t = fout; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    String staat = s.getSQLState();
                    if (staat != null && (staat.startsWith("22") || staat.startsWith("54"))) {
                        return staat;
                    }
                }
            }
        }
        return null;
    }

    private Map<Integer, Uitslag.Resultaat> inEenTransactie(List<Beoordeling> teDoen, Sleutels sleutels) {
        if (teDoen.isEmpty()) {
            return Map.of();
        }
        DefaultUnitOfWork<?> werk = DefaultUnitOfWork.startAndGet(new GenericMessage<>("ingestie"));
        werk.attachTransaction(transacties);
        ResultMessage<Map<Integer, Uitslag.Resultaat>> uitkomst = werk.executeWithResult(() -> verwerkGeldige(teDoen, sleutels));
        if (uitkomst.isExceptional()) {
            Throwable oorzaak = uitkomst.exceptionResult();
            if (oorzaak instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("opslaan mislukt", oorzaak);
        }
        return uitkomst.getPayload();
    }

    private Map<Integer, Uitslag.Resultaat> verwerkGeldige(List<Beoordeling> teDoen, Sleutels sleutels) {
        register.zonderSchijfwacht();
        Instant nu = klok.instant();
        Set<String> nieuw = register.legOntvangstVast(teDoen, nu);
        Map<Integer, Uitslag.Resultaat> resultaten = new LinkedHashMap<>();
        List<Beoordeling> uitTeVoeren = new ArrayList<>();
        Set<String> gezien = new HashSet<>();
        for (Beoordeling b : teDoen) {
            String sleutel = Ontvangstregister.sleutel(b.source(), b.id());
            if (nieuw.contains(sleutel) && gezien.add(sleutel)) {
                uitTeVoeren.add(b);
            } else {
                resultaten.put(b.positie(), Uitslag.Resultaat.DUPLICATE);
            }
        }

        eventopslag.voorlaad(vertaling.aggregaten(uitTeVoeren));
        Map<Integer, Klantcontactclaim> claims = new HashMap<>();
        for (Beoordeling b : uitTeVoeren) {
            Klantcontactclaim claim = b.bericht().klantcontactclaim(vertaling.klanten());
            if (claim != null) {
                claims.put(b.positie(), claim);
            }
        }
        Map<UUID, String> eigenaren = register.legKlantcontactenVast(
                uitTeVoeren.stream().map(b -> claims.get(b.positie())).filter(Objects::nonNull).toList());
        Omzetting omzetting = vertaling.begin(sleutels);
        for (Beoordeling b : uitTeVoeren) {
            Klantcontactclaim claim = claims.get(b.positie());
            if (claim != null && !claim.klant().equals(eigenaren.get(claim.klantcontactId()))) {
                throw new Geweigerd(b.positie(), new Fout("/data/klantcontactId",
                        "dit klantcontact is al geregistreerd bij een andere klant; een klantcontact hoort bij één klant"));
            }
            try {
                Afhandeling afhandeling = b.bericht().voerUit(omzetting);
                resultaten.put(b.positie(), afhandeling == Afhandeling.NIEUW
                        ? Uitslag.Resultaat.ACCEPTED : Uitslag.Resultaat.DUPLICATE);
            } catch (RegelOvertreden overtreden) {
                throw new Geweigerd(b.positie(), new Fout("/data/" + overtreden.veld(), overtreden.getMessage()));
            }
        }
        vertaling.rondAf(omzetting);
        return resultaten;
    }

    private static Uitslag afgewezen(Beoordeling beoordeling, List<Fout> fouten) {
        return new Uitslag(beoordeling.positie(), beoordeling.source(), beoordeling.id(), Uitslag.Resultaat.REJECTED,
                fouten);
    }

    static boolean isConflict(Throwable fout) {
        for (Throwable t = fout; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException
                    || t instanceof DeadlockException
                    || t instanceof ConcurrencyFailureException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether to do the work again after this failure: a conflict with a concurrent transaction, at most
     * {@link #POGINGEN_BIJ_CONFLICT} tries in all; counted, and after a short random wait.
     */
    private boolean opnieuwNaConflict(RuntimeException fout, int conflicten, String wat) {
        if (!isConflict(fout) || conflicten >= POGINGEN_BIJ_CONFLICT) {
            return false;
        }
        LOG.debug("{} botste met een gelijktijdige transactie ({}); opnieuw ({}e keer)", wat, fout.toString(), conflicten);
        metrieken.herhaling();
        wacht(conflicten);
        return true;
    }

    private static void wacht(int poging) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * poging));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("onderbroken", e);
        }
    }

    /** The database refused the data of some message of the transaction, which was rolled back. */
    private static final class BlijvendeDatabasefout extends RuntimeException {
        private final String sqlState;

        BlijvendeDatabasefout(String sqlState) {
            super("SQLSTATE " + sqlState, null, false, false);
            this.sqlState = sqlState;
        }
    }

    /** The domain refused one message: the transaction is rolled back and the batch done again without it. */
    private static final class Geweigerd extends RuntimeException {
        private final int positie;
        private final Fout fout;

        Geweigerd(int positie, Fout fout) {
            super(fout.detail(), null, false, false);
            this.positie = positie;
            this.fout = fout;
        }
    }
}
