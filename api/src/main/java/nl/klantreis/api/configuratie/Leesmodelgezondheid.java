package nl.klantreis.api.configuratie;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import nl.klantreis.projecties.leesmodel.Projectiebeheer;

/**
 * Health of the read models: down when a processor on this node is stuck on an error (it keeps
 * retrying rather than skipping, so someone must look); lag in events per read model as detail.
 */
@Component("leesmodellen")
class Leesmodelgezondheid implements HealthIndicator {
    private final Projectiebeheer beheer;

    Leesmodelgezondheid(Projectiebeheer beheer) {
        this.beheer = beheer;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean gezond = true;
        for (Map.Entry<String, Optional<String>> processor : beheer.fouten().entrySet()) {
            if (processor.getValue().isPresent()) {
                gezond = false;
                details.put(processor.getKey(), "fout: " + processor.getValue().get());
            }
        }
        for (String naam : beheer.namen()) {
            details.put(naam + ".achterstand", beheer.achterstand(naam).isPresent()
                    ? beheer.achterstand(naam).getAsLong() : "nog geen token");
            details.put(naam + ".dodeBrieven", beheer.dodeBrieven(naam));
        }
        return (gezond ? Health.up() : Health.down()).withDetails(details).build();
    }
}
