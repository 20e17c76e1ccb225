package nl.klantreis.simulatie;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.domein.referentie.Zaaktype;
import nl.klantreis.infrastructuur.referentie.Referentiegegevens;

/**
 * What every klant of one simulation shares: the reference data turned into weighted choices,
 * the channel systems, the period and the simulated "now". Immutable, built once per stream.
 */
final class Opzet {
    /** How often each zaaktype is requested by citizens; a zaaktype not named here is rare. */
    private static final Map<String, Double> ZAAKTYPE_GEWICHT_BSN = Map.of(
            "melding-openbare-ruimte", 30.0, "paspoort-aanvragen", 22.0, "verhuizing-doorgeven", 18.0,
            "parkeervergunning", 14.0, "omgevingsvergunning", 6.0, "wmo-voorziening", 4.0,
            "bijstandsaanvraag", 3.0, "avg-inzageverzoek", 1.5);
    private static final double GEWICHT_ONBEKEND = 2.0;
    /** Companies request only a few kinds of zaak. */
    private static final Map<String, Double> ZAAKTYPE_GEWICHT_KVK = Map.of(
            "omgevingsvergunning", 35.0, "melding-openbare-ruimte", 35.0, "parkeervergunning", 25.0,
            "avg-inzageverzoek", 5.0);

    /** Through which kanaal each zaaktype is requested. */
    private static final Map<String, Object[]> ZAAKKANAAL = Map.of(
            "paspoort-aanvragen", new Object[] {"balie", 80, "webformulier", 20},
            "verhuizing-doorgeven", new Object[] {"webformulier", 78, "balie", 12, "brief", 5, "email", 5},
            "melding-openbare-ruimte", new Object[] {"app", 35, "webformulier", 38, "telefoon", 17,
                "social-media", 5, "email", 5},
            "parkeervergunning", new Object[] {"webformulier", 65, "mijn-omgeving", 20, "balie", 10, "brief", 5},
            "omgevingsvergunning", new Object[] {"webformulier", 88, "email", 8, "brief", 4},
            "bijstandsaanvraag", new Object[] {"webformulier", 75, "balie", 20, "brief", 5},
            "wmo-voorziening", new Object[] {"telefoon", 50, "webformulier", 25, "brief", 10, "balie", 10,
                "email", 5},
            "avg-inzageverzoek", new Object[] {"email", 45, "brief", 30, "webformulier", 25});
    private static final Object[] ZAAKKANAAL_ANDERS = {"webformulier", 70, "balie", 15, "email", 15};

    final LocalDate van;
    final LocalDate tot;
    final Instant nu;
    final String zaadlabel;
    final Identificaties identificaties;
    final Map<String, Kanaalsysteem> systemen;
    final Gewogen<Zaaktype> zaaktypenBsn;
    final Gewogen<Zaaktype> zaaktypenKvk;
    private final Map<String, Gewogen<String>> zaakkanalen = new HashMap<>();
    private final Kanalen kanalen;

    // Contacts by purpose; kanalen missing from the reference data are left out.
    final Gewogen<String> algemeen;
    final Gewogen<String> orientatie;
    final Gewogen<String> statusNavraag;
    final Gewogen<String> aanvulling;
    final Gewogen<String> nazorg;
    final Gewogen<String> anoniem;
    final Gewogen<String> voorkeur;

    Opzet(long seed, LocalDate van, LocalDate tot, Instant nu, Referentiegegevens referentie) {
        this.van = van;
        this.tot = tot;
        this.nu = nu;
        this.zaadlabel = String.format("%08x", (int) Identificaties.meng(seed));
        this.identificaties = new Identificaties(seed);
        this.kanalen = referentie.kanalen();
        this.systemen = Kanaalsysteem.voor(kanalen);

        List<Zaaktype> zaaktypen = new ArrayList<>(referentie.catalogus().alle());
        this.zaaktypenBsn = gewogen(zaaktypen, ZAAKTYPE_GEWICHT_BSN, GEWICHT_ONBEKEND);
        boolean kvkBekend = zaaktypen.stream().anyMatch(z -> ZAAKTYPE_GEWICHT_KVK.containsKey(z.code()));
        this.zaaktypenKvk = kvkBekend ? gewogen(zaaktypen, ZAAKTYPE_GEWICHT_KVK, 0) : zaaktypenBsn;
        for (Zaaktype zaaktype : zaaktypen) {
            zaakkanalen.put(zaaktype.code(), kanaalkeuze(ZAAKKANAAL.getOrDefault(zaaktype.code(), ZAAKKANAAL_ANDERS)));
        }

        this.algemeen = kanaalkeuze("telefoon", 31, "balie", 7, "brief", 3, "video", 2, "email", 11,
                "webformulier", 8, "chat", 11, "chatbot", 11, "mijn-omgeving", 4, "app", 3, "social-media", 6,
                "sms", 1);
        this.orientatie = kanaalkeuze("telefoon", 42, "chat", 14, "chatbot", 13, "balie", 10, "email", 8,
                "social-media", 4, "video", 4, "webformulier", 5);
        this.statusNavraag = kanaalkeuze("telefoon", 45, "email", 12, "chat", 12, "mijn-omgeving", 8, "balie", 7,
                "chatbot", 6, "social-media", 5, "brief", 2, "webformulier", 3);
        this.aanvulling = kanaalkeuze("email", 40, "webformulier", 25, "mijn-omgeving", 25, "brief", 10);
        this.nazorg = kanaalkeuze("telefoon", 50, "email", 25, "balie", 15, "chat", 10);
        this.anoniem = kanaalkeuze("chat", 40, "chatbot", 35, "telefoon", 25);
        this.voorkeur = kanaalkeuze("email", 30, "mijn-omgeving", 25, "telefoon", 15, "brief", 15, "sms", 10,
                "app", 5);
    }

    Gewogen<String> zaakkanaal(String zaaktype) {
        return zaakkanalen.get(zaaktype);
    }

    Kanaalsysteem systeem(String kanaal) {
        Kanaalsysteem systeem = systemen.get(kanaal);
        if (systeem == null) {
            throw new IllegalStateException("geen kanaalsysteem voor " + kanaal);
        }
        return systeem;
    }

    boolean bekendKanaal(String code) {
        return kanalen.metCode(code).isPresent();
    }

    private static Gewogen<Zaaktype> gewogen(List<Zaaktype> zaaktypen, Map<String, Double> gewichten,
                                              double anders) {
        double[] g = new double[zaaktypen.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = gewichten.getOrDefault(zaaktypen.get(i).code(), anders);
        }
        return Gewogen.van(zaaktypen, g);
    }

    /** Pairs of kanaal code and weight; kanalen the reference data lacks drop out. */
    private Gewogen<String> kanaalkeuze(Object... paren) {
        List<String> codes = new ArrayList<>();
        List<Double> gewichten = new ArrayList<>();
        for (int i = 0; i < paren.length; i += 2) {
            String code = (String) paren[i];
            if (kanalen.metCode(code).isPresent()) {
                codes.add(code);
                gewichten.add(((Number) paren[i + 1]).doubleValue());
            }
        }
        if (codes.isEmpty()) {
            codes.add(kanalen.alle().iterator().next().code());
            gewichten.add(1.0);
        }
        return Gewogen.van(codes, gewichten.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
