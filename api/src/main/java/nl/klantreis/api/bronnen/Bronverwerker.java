package nl.klantreis.api.bronnen;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import nl.klantreis.api.ingestie.Ingestie;
import nl.klantreis.api.web.Databasestoring;
import nl.klantreis.bronnen.Bronconfiguratie;
import nl.klantreis.bronnen.Bronfout;
import nl.klantreis.bronnen.Melding;
import nl.klantreis.bronnen.Meldingenopslag;
import nl.klantreis.bronnen.Meldingenopslag.Toestand;
import nl.klantreis.bronnen.Resultaat;
import nl.klantreis.bronnen.Synchronisatie;

/**
 * The workers of the source queue: {@code verwerking.werkers} threads per node, each claiming one melding at a
 * time, reading the source ({@link Synchronisatie}, no transaction open meanwhile), handing what it amounts to to
 * the engine's own ingestion as one batch, and recording the outcome. A failure that may pass is tried again
 * after a growing, jittered wait, until {@code verwerking.pogingen} tries; then, or at once for a lasting fault,
 * the melding is a dead letter. A claim carries a lease: a node killed mid-way leaves it, and once the lease has
 * passed any node takes it again, so nothing is lost. Idle workers look again every {@link #pauze} and at once
 * when this node's endpoint has just stored a melding.
 *
 * <p>Stops after the web server (no new meldingen arrive) and before the ingestion workers it hands batches to:
 * it stops claiming, lets the meldingen in hand finish for a bounded time and gives back its other claims.
 */
class Bronverwerker implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Bronverwerker.class);
    /** Between the web server's stop ({@code MAX - 2048}) and the ingestion workers' ({@code MAX - 2560}). */
    static final int FASE = Integer.MAX_VALUE - 2304;
    private static final int GELOGDE_TOELICHTINGEN = 1000;

    private final Meldingenopslag opslag;
    private final Synchronisatie synchronisatie;
    private final Ingestie ingestie;
    private final Bronconfiguratie.Verwerking instellingen;
    private final Bronmetrieken metrieken;
    private final Clock klok;
    private final String eigenaar;
    private final Duration pauze;
    private final Duration tellingElke;
    private final Duration lease;
    private final Duration stopwacht;
    private final Set<String> gelogd = ConcurrentHashMap.newKeySet();
    private final ReentrantLock slot = new ReentrantLock();
    private final Condition werk = slot.newCondition();
    private final List<Thread> draden = new ArrayList<>();
    private volatile boolean actief;
    private Thread teller;
    private long wekroep;

    Bronverwerker(Meldingenopslag opslag, Synchronisatie synchronisatie, Ingestie ingestie,
                  Bronconfiguratie.Verwerking instellingen, Bronmetrieken metrieken, Clock klok, String eigenaar,
                  Duration pauze, Duration tellingElke) {
        this.opslag = opslag;
        this.synchronisatie = synchronisatie;
        this.ingestie = ingestie;
        this.instellingen = instellingen;
        this.metrieken = metrieken;
        this.klok = klok;
        this.eigenaar = eigenaar;
        this.pauze = pauze;
        this.tellingElke = tellingElke;
        Duration zesMaal = instellingen.tijdslimiet().multipliedBy(6);
        this.lease = zesMaal.compareTo(Duration.ofSeconds(60)) > 0 ? zesMaal : Duration.ofSeconds(60);
        // A melding in hand is allowed about one source request and one ingestion batch to finish.
        this.stopwacht = instellingen.tijdslimiet().plusSeconds(5);
    }

    /** Whether this node works the queue at all (no bronnen configured: no). */
    boolean werkt() {
        return synchronisatie != null;
    }

    String eigenaar() {
        return eigenaar;
    }

    Duration lease() {
        return lease;
    }

    @Override
    public synchronized void start() {
        if (actief || !werkt()) {
            return;
        }
        actief = true;
        for (int i = 0; i < instellingen.werkers(); i++) {
            Thread draad = new Thread(this::werkLus, "bronwerker-" + i);
            draad.setDaemon(true);
            draden.add(draad);
            draad.start();
        }
        teller = new Thread(this::telLus, "bronnen-telling");
        teller.setDaemon(true);
        teller.start();
        LOG.info("Bronnen: {} werker(s) als {}, lease {}", instellingen.werkers(), eigenaar, lease);
    }

    @Override
    public synchronized void stop() {
        if (!actief) {
            return;
        }
        actief = false;
        wek();
        // The count sleeps between rounds and has nothing in hand: it need not be waited for.
        teller.interrupt();
        long tot = System.nanoTime() + stopwacht.toNanos();
        for (Thread draad : draden) {
            try {
                draad.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(tot - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Thread draad : draden) {
            if (draad.isAlive()) {
                // Still reading a source past the bound: its claim is given back below and its outcome is
                // refused then (another node, or this one after a restart, reads the melding again).
                draad.interrupt();
            }
        }
        draden.clear();
        try {
            int vrij = opslag.geefVrij(eigenaar);
            if (vrij > 0) {
                LOG.info("Bronnen: {} geclaimde melding(en) teruggegeven", vrij);
            }
        } catch (RuntimeException e) {
            LOG.warn("Bronnen: claims niet teruggegeven ({}); ze verlopen na {}", e.toString(), lease);
        }
    }

    @Override
    public boolean isRunning() {
        return actief;
    }

    @Override
    public int getPhase() {
        return FASE;
    }

    /** Something was just stored: an idle worker looks now rather than after its pause. */
    void wek() {
        slot.lock();
        try {
            wekroep++;
            werk.signalAll();
        } finally {
            slot.unlock();
        }
    }

    private void slaap() {
        slot.lock();
        try {
            long gezien = wekroep;
            long nanos = pauze.toNanos();
            while (actief && wekroep == gezien && nanos > 0) {
                nanos = werk.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            slot.unlock();
        }
    }

    private void werkLus() {
        while (actief && !Thread.currentThread().isInterrupted()) {
            List<Melding> meldingen;
            try {
                meldingen = opslag.claim(1, eigenaar, lease);
            } catch (RuntimeException e) {
                if (!Databasestoring.is(e)) {
                    LOG.error("Bronnen: meldingen claimen mislukt", e);
                }
                slaap();
                continue;
            }
            if (meldingen.isEmpty()) {
                slaap();
                continue;
            }
            for (Melding melding : meldingen) {
                verwerk(melding);
            }
        }
    }

    private void telLus() {
        while (actief) {
            tel();
            try {
                Thread.sleep(tellingElke.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Counts the queue for the gauges and health; a failure keeps the last count. */
    void tel() {
        try {
            metrieken.toestand(opslag.telling(), opslag.oudsteWachtende());
        } catch (RuntimeException e) {
            LOG.debug("Bronnen: telling mislukt: {}", e.toString());
        }
    }

    /** One melding: read, ingest, record. Never throws; a failure to record leaves the claim to expire. */
    void verwerk(Melding melding) {
        long begin = System.nanoTime();
        try {
            Resultaat resultaat;
            try {
                resultaat = synchronisatie.synchroniseer(melding);
            } catch (Bronfout fout) {
                if (fout.tijdelijk()) {
                    mislukt(melding, "bron-tijdelijk", fout.getMessage());
                } else {
                    metrieken.mislukt(melding.soort(), "bron-blijvend");
                    einde(melding, Toestand.DOOD, fout.getMessage());
                }
                return;
            }
            switch (resultaat.uitkomst()) {
                case BERICHTEN -> berichten(melding, resultaat);
                case WEG -> einde(melding, Toestand.WEG, resultaat.toelichting());
                case GENEGEERD -> einde(melding, Toestand.GENEGEERD, resultaat.toelichting());
                case ONGEKOPPELD -> {
                    String toelichting = resultaat.toelichting() == null ? "" : resultaat.toelichting();
                    if (gelogd.size() < GELOGDE_TOELICHTINGEN && gelogd.add(toelichting)) {
                        LOG.warn("Bronnen: melding {} niet gekoppeld: {} (verder niet meer gelogd; zie"
                                + " klantreis_bronnen_afgehandeld_total, uitkomst ongekoppeld)", melding.id(), toelichting);
                    }
                    einde(melding, Toestand.ONGEKOPPELD, resultaat.toelichting());
                }
            }
        } catch (RuntimeException fout) {
            // The database or ingestion failed (not the source): the melding waits and is tried again.
            boolean database = Databasestoring.is(fout);
            if (!database) {
                LOG.warn("Bronnen: melding {} mislukt: {}", melding.id(), fout.toString());
            }
            mislukt(melding, database ? "database" : "ingestie", database ? "de database was niet bereikbaar"
                    : "verwerking mislukt: " + fout.getClass().getSimpleName());
        } finally {
            metrieken.synchronisatie(melding.soort(), System.nanoTime() - begin);
        }
    }

    private void berichten(Melding melding, Resultaat resultaat) {
        if (resultaat.berichten().isEmpty()) {
            einde(melding, Toestand.VERWERKT, resultaat.toelichting());
            return;
        }
        List<Ingestie.Uitkomst> uitkomsten = ingestie.verwerk(resultaat.berichten());
        List<String> redenen = new ArrayList<>();
        for (Ingestie.Uitkomst u : uitkomsten) {
            if (u.afgewezen()) {
                redenen.add("positie " + u.positie() + ", id " + u.id() + ": " + String.join("; ", u.fouten()));
            }
        }
        if (redenen.isEmpty()) {
            einde(melding, Toestand.VERWERKT, resultaat.toelichting());
        } else {
            einde(melding, Toestand.GEWEIGERD, "afgewezen door de ingestie: " + String.join(" | ", redenen));
        }
    }

    private void einde(Melding melding, Toestand toestand, String reden) {
        try {
            if (opslag.markeer(melding.id(), eigenaar, toestand, reden)) {
                metrieken.afgehandeld(melding.soort(), toestand.code());
            } else {
                LOG.info("Bronnen: melding {} was niet meer van deze node (teruggegeven bij het stoppen of lease verlopen); de andere uitkomst geldt",
                        melding.id());
            }
        } catch (RuntimeException e) {
            LOG.warn("Bronnen: uitkomst van melding {} niet vastgelegd ({}); na de lease opnieuw", melding.id(), e.toString());
        }
    }

    private void mislukt(Melding melding, String soortFout, String reden) {
        metrieken.mislukt(melding.soort(), soortFout);
        int pogingen = melding.pogingen() + 1;
        if (pogingen >= instellingen.pogingen()) {
            einde(melding, Toestand.DOOD, "na " + pogingen + " pogingen: " + reden);
            return;
        }
        Instant wanneer = klok.instant().plus(wacht(instellingen, melding.pogingen(),
                0.5 + ThreadLocalRandom.current().nextDouble()));
        try {
            if (opslag.opnieuwOm(melding.id(), eigenaar, wanneer, reden)) {
                metrieken.afgehandeld(melding.soort(), "opnieuw");
            }
        } catch (RuntimeException e) {
            LOG.warn("Bronnen: melding {} niet uitgesteld ({}); na de lease opnieuw", melding.id(), e.toString());
        }
    }

    /**
     * The wait after a failed try: {@code min(langsteWacht, eersteWacht × 2^eerderePogingen) × jitter}, jitter
     * from 0.5 to 1.5 so that meldingen that failed together do not come back together.
     */
    static Duration wacht(Bronconfiguratie.Verwerking v, int eerderePogingen, double jitter) {
        Duration basis = v.langsteWacht();
        if (eerderePogingen < 40) {
            Duration verdubbeld = v.eersteWacht().multipliedBy(1L << Math.min(eerderePogingen, 30));
            if (verdubbeld.compareTo(basis) < 0) {
                basis = verdubbeld;
            }
        }
        return Duration.ofNanos((long) (basis.toNanos() * jitter));
    }
}
