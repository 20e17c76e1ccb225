package nl.klantreis.api.beveiliging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import nl.klantreis.api.testondersteuning.Testengine;

/**
 * Spring Security's own observations are off by default (ADR 0030) and come back with
 * {@code klantreis.beveiliging.observaties=true}; the door answers the same either way, and the
 * HTTP metrics stay.
 */
class BeveiligingsobservatiesTest {
    private static final String BSN = "999993653";

    @RegisterExtension
    static final Testengine standaard = Testengine.perKlasse();
    @RegisterExtension
    static final Testengine metObservaties = Testengine.perKlasse("--klantreis.beveiliging.observaties=true");

    @Test
    void standaard_geenBeveiligingsobservaties_welHttpMetrieken_zelfdeAntwoorden() {
        klop(standaard);
        assertThat(namen(standaard)).contains("http.server.requests")
                .noneMatch(naam -> naam.startsWith("spring.security."));
    }

    @Test
    void metDeInstelling_komenDeBeveiligingsobservatiesTerug() {
        klop(metObservaties);
        assertThat(namen(metObservaties)).contains("http.server.requests")
                .anyMatch(naam -> naam.startsWith("spring.security."));
    }

    /** A burger with a valid token gets in, a request without one is refused: the door as always. */
    private static void klop(Testengine engine) {
        engine.client(Rol.BURGER, BSN).get().uri("/api/v1/mijnzaken").exchange().expectStatus().isOk();
        engine.clientZonderToken().get().uri("/api/v1/mijnzaken").exchange().expectStatus().isUnauthorized();
        engine.client(Rol.MEDEWERKER, null).get().uri("/api/v1/mijnzaken").exchange().expectStatus().isForbidden();
    }

    private static List<String> namen(Testengine engine) {
        return engine.bean(MeterRegistry.class).getMeters().stream().map(Meter::getId).map(Meter.Id::getName)
                .distinct().toList();
    }
}
