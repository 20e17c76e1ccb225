package nl.klantreis.api.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import nl.klantreis.infrastructuur.audit.Integriteitscontrole;
import nl.klantreis.infrastructuur.audit.Integriteitscontrole.Ketenpunt;
import nl.klantreis.infrastructuur.audit.Integriteitsrapport;

/**
 * Watches the audit log's hash chains without being asked, so that monitoring can alert on a broken
 * chain (docker/prometheus, alert {@code AuditketenGebroken}) instead of waiting for an auditor to
 * press the button: every {@code klantreis.audit.controle.elke} (1 minute) it checks what was added
 * since the last sound point ({@link Integriteitscontrole#controleerVanaf}), and every
 * {@code klantreis.audit.controle.volledig-elke} (24 hours), and at start, the whole chains.
 *
 * <p>Meters: {@code klantreis_audit_keten_intact} (1 sound, 0 broken; NaN until the first check),
 * {@code klantreis_audit_keten_gecontroleerd_seconden} (when a check last finished, epoch seconds:
 * an alert sees a watch that stopped), {@code klantreis_audit_keten_controles_total} per
 * {@code soort} (volledig, nieuw) and {@code uitkomst} (intact, gebroken, mislukt). Each node
 * watches on its own: the check only reads, and after the first walk costs a few rows per minute.
 */
@Component
final class Auditbewaking implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Auditbewaking.class);

    private final Integriteitscontrole controle;
    private final MeterRegistry meters;
    private final Duration elke;
    private final Duration volledigElke;
    private final Clock klok;
    private final Map<String, Ketenpunt> punten = new HashMap<>();
    private volatile double intact = Double.NaN;
    private volatile double gecontroleerd = Double.NaN;
    private Instant laatsteVolledige = Instant.MIN;
    private Integriteitsrapport.Breuk gemeldeBreuk;
    private boolean mislukkingGemeld;
    private ScheduledExecutorService bewaking;

    @Autowired
    Auditbewaking(Integriteitscontrole controle, MeterRegistry meters,
                  @Value("${klantreis.audit.controle.elke:1m}") Duration elke,
                  @Value("${klantreis.audit.controle.volledig-elke:24h}") Duration volledigElke) {
        this(controle, meters, elke, volledigElke, Clock.systemUTC());
    }

    Auditbewaking(Integriteitscontrole controle, MeterRegistry meters, Duration elke, Duration volledigElke, Clock klok) {
        this.controle = controle;
        this.meters = meters;
        this.elke = elke;
        this.volledigElke = volledigElke;
        this.klok = klok;
        Gauge.builder("klantreis.audit.keten.intact", this, b -> b.intact)
                .description("1 when the audit log's hash chains were sound at the last check, 0 when broken")
                .register(meters);
        Gauge.builder("klantreis.audit.keten.gecontroleerd.seconden", this, b -> b.gecontroleerd)
                .description("When the last check of the audit log's chains finished (epoch seconds)")
                .register(meters);
    }

    /**
     * One check: the whole chains when no sound point is known (at start, and while a chain is
     * broken, so that a repair, e.g. a restore, is seen at the next check) or the
     * last whole walk is {@code volledig-elke} ago; else only what came after the sound points.
     * Returns the report, or null when the database could not be read.
     */
    synchronized Integriteitsrapport controleer() {
        Instant nu = klok.instant();
        boolean volledig = punten.isEmpty() || (!volledigElke.isZero()
                && Duration.between(laatsteVolledige, nu).compareTo(volledigElke) >= 0);
        String soort = volledig ? "volledig" : "nieuw";
        Integriteitsrapport rapport;
        try {
            rapport = volledig ? controle.controleer() : controle.controleerVanaf(Map.copyOf(punten));
        } catch (RuntimeException e) {
            tel(soort, "mislukt");
            if (!mislukkingGemeld) {
                LOG.warn("de auditketen kon niet worden gecontroleerd ({}); volgende poging over {}", e.getMessage(), elke);
                mislukkingGemeld = true;
            }
            return null;
        }
        mislukkingGemeld = false;
        if (volledig) {
            laatsteVolledige = nu;
        }
        if (rapport.intact()) {
            rapport.ketens().forEach(keten -> {
                Ketenpunt eind = Ketenpunt.eindVan(keten);
                if (eind != null) {
                    punten.put(Integriteitscontrole.sleutel(keten), eind);
                }
            });
            if (gemeldeBreuk != null) {
                LOG.warn("de auditketen is weer intact (eerder gebroken bij {} keten {} volgnummer {})",
                        gemeldeBreuk.tabel(), gemeldeBreuk.keten(), gemeldeBreuk.volgnummer());
            }
            gemeldeBreuk = null;
            intact = 1;
        } else {
            punten.clear();
            if (!rapport.eersteBreuk().equals(gemeldeBreuk)) {
                LOG.error("de auditketen is GEBROKEN: eerste breuk in {} keten {} bij volgnummer {} ({})",
                        rapport.eersteBreuk().tabel(), rapport.eersteBreuk().keten(), rapport.eersteBreuk().volgnummer(),
                        rapport.eersteBreuk().reden());
            }
            gemeldeBreuk = rapport.eersteBreuk();
            intact = 0;
        }
        tel(soort, rapport.intact() ? "intact" : "gebroken");
        gecontroleerd = klok.instant().toEpochMilli() / 1000.0;
        return rapport;
    }

    private void tel(String soort, String uitkomst) {
        Counter.builder("klantreis.audit.keten.controles").tag("soort", soort).tag("uitkomst", uitkomst)
                .description("Checks of the audit log's hash chains by the engine itself").register(meters).increment();
    }

    @Override
    public synchronized void start() {
        if (elke.isZero() || elke.isNegative() || bewaking != null) {
            return;
        }
        bewaking = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread draad = new Thread(r, "auditketen-bewaking");
            draad.setDaemon(true);
            draad.setPriority(Thread.MIN_PRIORITY);
            return draad;
        });
        // The first (whole) walk a little after start, out of the way of the start itself.
        bewaking.scheduleWithFixedDelay(() -> {
            try {
                controleer();
            } catch (RuntimeException e) {
                LOG.warn("controle van de auditketen mislukt", e);
            }
        }, Math.min(elke.toMillis(), 10_000), elke.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (bewaking != null) {
            bewaking.shutdownNow();
            bewaking = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return bewaking != null;
    }
}
