package nl.klantreis.api.audit;

import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

/** For the audit benchmark (another package): an {@link Auditschrijver} as the engine makes it, and its stop. */
public final class Auditschrijvers {
    private Auditschrijvers() {
    }

    public static Verwerkingslog maak(DataSource database, MeterRegistry registry, int groep, int ketens) {
        return new Auditschrijver(database, registry, Clock.systemUTC(), true, groep, 100_000, ketens);
    }

    public static void stop(Verwerkingslog log) throws InterruptedException {
        ((Auditschrijver) log).destroy();
    }
}
