package nl.klantreis.api.bronnen;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code bronnen}: always UP, with the queue's counts per toestand and the oldest waiting age as
 * details. A source that is down or refuses is no reason to take this node out of the load balancer (every node
 * would be taken out at once); the alerts on dead letters and the backlog are where it shows.
 */
@Component("bronnen")
class Bronnengezondheid implements HealthIndicator {
    private final Bronkoppeling koppeling;
    private final Bronmetrieken metrieken;

    Bronnengezondheid(Bronkoppeling koppeling, Bronmetrieken metrieken) {
        this.koppeling = koppeling;
        this.metrieken = metrieken;
    }

    @Override
    public Health health() {
        if (koppeling.actief().isEmpty()) {
            return Health.up().withDetail("geconfigureerd", false).build();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("geconfigureerd", true);
        Bronmetrieken.Stand stand = metrieken.stand();
        if (stand == null) {
            details.put("meldingen", "nog niet geteld");
        } else {
            Map<String, Long> perToestand = new LinkedHashMap<>();
            stand.perToestand().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> perToestand.put(e.getKey().code(), e.getValue()));
            details.put("meldingen", perToestand);
            details.put("oudsteWachtendeSeconden", stand.oudsteWachtende().toSeconds());
        }
        return Health.up().withDetails(details).build();
    }
}
