package nl.klantreis.opstelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Grafana dashboards of {@code docker/grafana/dashboards}, read as Grafana provisions them. */
final class Dashboards {
    static final Path MAP = Path.of("grafana", "dashboards");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Dashboards() {
    }

    record Dashboard(Path bestand, JsonNode json) {
        /** Every panel, those inside collapsed rows too. */
        List<JsonNode> panelen() {
            List<JsonNode> panelen = new ArrayList<>();
            for (JsonNode paneel : json.path("panels")) {
                panelen.add(paneel);
                paneel.path("panels").forEach(panelen::add);
            }
            return panelen;
        }
    }

    /** One query of a panel. */
    record Query(String dashboard, String paneel, String refId, String expr) {
        @Override
        public String toString() {
            return dashboard + " / " + paneel + " / " + refId + ": " + expr;
        }
    }

    static List<Dashboard> alle() {
        try (Stream<Path> bestanden = Files.list(MAP)) {
            List<Dashboard> dashboards = new ArrayList<>();
            for (Path bestand : bestanden.filter(b -> b.toString().endsWith(".json")).sorted().toList()) {
                dashboards.add(new Dashboard(bestand, JSON.readTree(bestand.toFile())));
            }
            return dashboards;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (Dashboard dashboard : alle()) {
            for (JsonNode paneel : dashboard.panelen()) {
                for (JsonNode doel : paneel.path("targets")) {
                    queries.add(new Query(dashboard.json().path("title").asText(), paneel.path("title").asText(),
                            doel.path("refId").asText(), doel.path("expr").asText()));
                }
            }
        }
        return queries;
    }
}
