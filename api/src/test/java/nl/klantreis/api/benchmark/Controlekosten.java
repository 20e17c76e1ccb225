package nl.klantreis.api.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.bronnen.nabootsing.Specificatie;
import nl.klantreis.bronnen.nabootsing.Specificatie.Api;
import nl.klantreis.bronnen.nabootsing.Zgwwereld;

/**
 * What the stand-in's own check of every answer against the published specification costs, estimated: the stand-in
 * has no switch to leave the check out, so the answers one zaak's synchronisation asks for (the zaak, its audittrail,
 * its statussen and rollen as a page, its resultaat) are rebuilt for a sample of zaken from the world and checked
 * as the stand-in checks them, on this thread, its CPU time taken. The stand-in's pages carry the same resources;
 * the HTTP, JSON writing and filtering around the check are not in this figure.
 */
final class Controlekosten {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param msPerAntwoord CPU milliseconds per checked answer; {@code antwoorden} the number checked */
    record Schatting(double msPerAntwoord, int antwoorden) {
    }

    private Controlekosten() {
    }

    static Schatting schat(Zgwwereld wereld, List<String> zaakUrls, int steekproef) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Antwoord> antwoorden = new ArrayList<>();
        int stap = Math.max(1, zaakUrls.size() / steekproef);
        for (int i = 0; i < zaakUrls.size() && antwoorden.size() < steekproef * 5; i += stap) {
            String url = zaakUrls.get(i);
            ObjectNode zaak = wereld.bron(url).orElseThrow();
            String uuid = zaak.path("uuid").asText();
            antwoorden.add(new Antwoord(Api.ZAKEN, "/zaken/{uuid}", zaak));
            ArrayNode audittrail = JSON.createArrayNode();
            wereld.audittrail(uuid).forEach(audittrail::add);
            antwoorden.add(new Antwoord(Api.ZAKEN, "/zaken/{zaak_uuid}/audittrail", audittrail));
            antwoorden.add(new Antwoord(Api.ZAKEN, "/statussen",
                    pagina(wereld.lijst("statussen", s -> url.equals(s.path("zaak").asText())))));
            antwoorden.add(new Antwoord(Api.ZAKEN, "/rollen",
                    pagina(wereld.lijst("rollen", r -> url.equals(r.path("zaak").asText())))));
            String resultaat = zaak.path("resultaat").asText(null);
            if (resultaat != null && !resultaat.isEmpty()) {
                antwoorden.add(new Antwoord(Api.ZAKEN, "/resultaten/{uuid}", wereld.bron(resultaat).orElseThrow()));
            }
        }
        // Once for the JIT and to see that the rebuilt answers fit (a misfit would be checked differently).
        for (Antwoord a : antwoorden) {
            List<String> fout = Specificatie.van(a.api()).afwijkingenAntwoord("get", a.sjabloon(), 200, a.body());
            if (!fout.isEmpty()) {
                throw new IllegalStateException("nagebouwd antwoord " + a.sjabloon() + " past niet: " + fout);
            }
        }
        long begin = threads.getCurrentThreadCpuTime();
        for (Antwoord a : antwoorden) {
            Specificatie.van(a.api()).afwijkingenAntwoord("get", a.sjabloon(), 200, a.body());
        }
        double ms = (threads.getCurrentThreadCpuTime() - begin) / 1e6;
        return new Schatting(ms / antwoorden.size(), antwoorden.size());
    }

    private record Antwoord(Api api, String sjabloon, JsonNode body) {
    }

    private static ObjectNode pagina(List<ObjectNode> resultaten) {
        ObjectNode body = JSON.createObjectNode();
        body.put("count", resultaten.size());
        body.putNull("next");
        body.putNull("previous");
        ArrayNode lijst = body.putArray("results");
        resultaten.forEach(lijst::add);
        return body;
    }
}
