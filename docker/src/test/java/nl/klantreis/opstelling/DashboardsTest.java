package nl.klantreis.opstelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The dashboards' JSON as Grafana needs it: unique uids and panel ids, every panel and query on the
 * provisioned datasource (its fixed uid), and a layout within Grafana's 24 columns without overlap.
 */
class DashboardsTest {
    private static final int KOLOMMEN = 24;

    static String datasourceUid() throws IOException {
        Map<String, Object> provisioning = new Yaml().load(Files.readString(
                Path.of("grafana", "provisioning", "datasources", "prometheus.yml")));
        List<Map<String, Object>> bronnen = ComposeTest.lijst(provisioning.get("datasources"));
        assertThat(bronnen).hasSize(1);
        return (String) bronnen.get(0).get("uid");
    }

    @Test
    void erZijnDashboardsMetPanelen() {
        assertThat(Dashboards.alle()).isNotEmpty();
        assertThat(Dashboards.queries()).hasSizeGreaterThan(10);
    }

    @Test
    void uidsEnPaneelnummersZijnUniek() {
        Set<String> uids = new HashSet<>();
        for (Dashboards.Dashboard dashboard : Dashboards.alle()) {
            String uid = dashboard.json().path("uid").asText();
            assertThat(uid).as(dashboard.bestand() + ": uid").isNotBlank().hasSizeLessThanOrEqualTo(40);
            assertThat(uids.add(uid)).as("uid " + uid + " dubbel").isTrue();
            Set<Integer> ids = new HashSet<>();
            for (JsonNode paneel : dashboard.panelen()) {
                assertThat(paneel.path("id").isInt()).as(dashboard.bestand() + ": id van " + paneel.path("title")).isTrue();
                assertThat(ids.add(paneel.path("id").asInt()))
                        .as(dashboard.bestand() + ": paneel-id " + paneel.path("id") + " dubbel").isTrue();
                if (paneel.has("uid")) {
                    assertThat(uids.add(paneel.path("uid").asText())).as("uid " + paneel.path("uid") + " dubbel").isTrue();
                }
            }
        }
    }

    @Test
    void elkPaneelEnElkeQueryGebruiktDeGeprovisioneerdeDatasource() throws IOException {
        String uid = datasourceUid();
        assertThat(uid).isNotBlank();
        for (Dashboards.Dashboard dashboard : Dashboards.alle()) {
            for (JsonNode paneel : dashboard.panelen()) {
                String waar = dashboard.bestand() + " / " + paneel.path("title").asText();
                if ("row".equals(paneel.path("type").asText())) {
                    assertThat(paneel.path("targets").isMissingNode() || paneel.path("targets").isEmpty()).as(waar).isTrue();
                    continue;
                }
                assertThat(paneel.path("datasource").path("uid").asText()).as(waar).isEqualTo(uid);
                assertThat(paneel.path("targets")).as(waar + ": queries").isNotEmpty();
                Set<String> refIds = new HashSet<>();
                for (JsonNode doel : paneel.path("targets")) {
                    assertThat(doel.path("datasource").path("uid").asText()).as(waar).isEqualTo(uid);
                    assertThat(doel.path("expr").asText()).as(waar).isNotBlank();
                    assertThat(refIds.add(doel.path("refId").asText())).as(waar + ": refId dubbel").isTrue();
                }
            }
            // Template variables on a datasource would need the same uid.
            for (JsonNode variabele : dashboard.json().path("templating").path("list")) {
                if (variabele.has("datasource")) {
                    assertThat(variabele.path("datasource").path("uid").asText()).isEqualTo(uid);
                }
            }
        }
    }

    @Test
    void panelenPassenInVierentwintigKolommenZonderOverlap() {
        for (Dashboards.Dashboard dashboard : Dashboards.alle()) {
            List<int[]> vakken = new ArrayList<>();
            List<String> namen = new ArrayList<>();
            // Only the top level shares one grid; panels inside a collapsed row are laid out when it opens.
            for (JsonNode paneel : dashboard.json().path("panels")) {
                JsonNode plek = paneel.path("gridPos");
                int x = plek.path("x").asInt(-1);
                int y = plek.path("y").asInt(-1);
                int w = plek.path("w").asInt(0);
                int h = plek.path("h").asInt(0);
                String naam = dashboard.bestand() + " / " + paneel.path("title").asText();
                assertThat(x).as(naam + ": x").isBetween(0, KOLOMMEN - 1);
                assertThat(y).as(naam + ": y").isNotNegative();
                assertThat(w).as(naam + ": w").isPositive();
                assertThat(h).as(naam + ": h").isPositive();
                assertThat(x + w).as(naam + ": x + w").isLessThanOrEqualTo(KOLOMMEN);
                for (int i = 0; i < vakken.size(); i++) {
                    int[] ander = vakken.get(i);
                    boolean overlapt = x < ander[0] + ander[2] && ander[0] < x + w
                            && y < ander[1] + ander[3] && ander[1] < y + h;
                    assertThat(overlapt).as(naam + " overlapt " + namen.get(i)).isFalse();
                }
                vakken.add(new int[] {x, y, w, h});
                namen.add(naam);
            }
        }
    }
}
