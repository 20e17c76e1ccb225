package nl.klantreis.api.paginas.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.swagger.v3.oas.annotations.Hidden;

import nl.klantreis.api.audit.Auditinzage;
import nl.klantreis.api.audit.Auditinzage.Bladzijde;
import nl.klantreis.api.audit.Auditinzage.Zoekopdracht;
import nl.klantreis.api.audit.Toegangsweigering;
import nl.klantreis.api.audit.Tracering;
import nl.klantreis.api.audit.Verwerking;
import nl.klantreis.api.beveiliging.Gebruikers;
import nl.klantreis.api.web.OngeldigeParameters;
import nl.klantreis.domein.gedeeld.Bsn;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.Tijd;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;
import nl.klantreis.projecties.tijd.Tijdstipinvoer;
import reactor.core.publisher.Mono;

/**
 * The auditor's pages ({@code /audit}): the processing records searched by betrokkene, actor,
 * trace id and period, a page at a time and as a CSV file; the integrity of the hash chains; the
 * security log. Everything through {@link Auditinzage}, so the same search, checks and records as
 * {@code GET /api/v1/audit/...}: looking is logged before anything is shown.
 *
 * <p>The betrokkene is searched by BSN, typed into a POST form; the BSN is turned into his
 * pseudonym at once and the answer is a redirect to the search with the pseudonym, so no BSN is ever
 * in an address, a log line or the browser's history. The search form shows no BSN either: an active
 * betrokkene is shown and kept by its pseudonym.
 *
 * <p>{@code @Hidden}: the CSV is an answer of its own, and the JSON API's document is not for pages.
 */
@Controller
@Hidden
class AuditPaginas {
    static final List<Integer> BLADZIJDEGROOTTES = List.of(25, 50, 100, 250);
    static final int STANDAARDGROOTTE = 25;
    /** A download is the whole search, up to this many records (read a thousand at a time). */
    static final int CSV_MAXIMUM = 100_000;
    static final List<String> CSV_KOPPEN = List.of("volgnummer", "tijdstip", "activiteit", "doel", "grondslag",
            "betrokkene", "actor", "rol", "organisatieonderdeel", "resultaat", "traceId", "spanId");

    private static final DateTimeFormatter GETOOND = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss",
            Locale.forLanguageTag("nl-NL"));
    private static final DateTimeFormatter BESTANDSNAAM = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Auditinzage inzage;
    private final Pseudoniemen pseudoniemen;

    AuditPaginas(Auditinzage inzage, Pseudoniemen pseudoniemen) {
        this.inzage = inzage;
        this.pseudoniemen = pseudoniemen;
    }

    /**
     * The search as the form fills it and the address carries it: the betrokkene as pseudonym,
     * van and tot as typed ({@link Periode}), the page size.
     */
    record Zoekvelden(String betrokkene, String actor, String traceId, String van, String tot, String limiet) {
        static Zoekvelden uit(MultiValueMap<String, String> waarden) {
            return new Zoekvelden(waarde(waarden, "betrokkene"), waarde(waarden, "actor"), waarde(waarden, "traceId"),
                    waarde(waarden, "van"), waarde(waarden, "tot"), waarde(waarden, "limiet"));
        }

        Zoekvelden metBetrokkene(String pseudoniem) {
            return new Zoekvelden(pseudoniem, actor, traceId, van, tot, limiet);
        }

        /** The page size to preselect in the form. */
        public String gekozenGrootte() {
            return limiet == null ? String.valueOf(STANDAARDGROOTTE) : limiet;
        }
    }

    /** A record as one row of the table. */
    record Regel(long volgnummer, String tijdstip, String tijdstipIso, String activiteit, String doel,
                 String betrokkene, String actor, String rol, String organisatieonderdeel, String resultaat,
                 String traceId) {
    }

    /** A row of the security log with its time as people read it. */
    record Weigeringsregel(String tijdstip, String tijdstipIso, Toegangsweigering weigering) {
    }

    /** One line of "what was searched for". */
    record Zoekterm(String naam, String waarde) {
    }

    @GetMapping(AuditGebied.PAD)
    Mono<Rendering> zoeken(ServerWebExchange verzoek) {
        MultiValueMap<String, String> adres = verzoek.getRequest().getQueryParams();
        Zoekvelden velden = Zoekvelden.uit(adres);
        // The form alone until a search is made (the form always sends a page size): an empty form
        // shows no one's data and writes no record.
        if (!adres.containsKey("limiet")) {
            return Mono.just(formulier(velden, Map.of(), HttpStatus.OK));
        }
        Map<String, String> fouten = new LinkedHashMap<>();
        Long voor = cursor(adres, "voor", fouten);
        Long na = cursor(adres, "na", fouten);
        Zoekopdracht opdracht = opdracht(velden, voor, na, fouten);
        if (!fouten.isEmpty()) {
            return Mono.just(formulier(velden, fouten, HttpStatus.BAD_REQUEST));
        }
        return Gebruikers.huidige()
                .flatMap(auditor -> inzage.zoek(auditor, Tracering.van(verzoek), opdracht))
                .map(bladzijde -> resultaten(velden, bladzijde));
    }

    @PostMapping(AuditGebied.PAD)
    Mono<Rendering> zoek(ServerWebExchange verzoek) {
        return verzoek.getFormData().map(formulier -> {
            Zoekvelden velden = Zoekvelden.uit(formulier);
            Map<String, String> fouten = new LinkedHashMap<>();
            String bsn = waarde(formulier, "bsn");
            if (bsn != null) {
                String cijfers = bsn.replace(" ", "").replace(".", "");
                if (Bsn.isGeldig(cijfers)) {
                    velden = velden.metBetrokkene(pseudoniemen.voor(Identificatiesoort.BSN, cijfers).waarde());
                } else {
                    fouten.put("bsn", "Vul een geldig BSN in: 9 cijfers die de elfproef doorstaan.");
                }
            }
            opdracht(velden, null, null, fouten);
            if (!fouten.isEmpty()) {
                // The typed BSN is not shown again: it is only ever in the body of the POST.
                return formulier(velden, fouten, HttpStatus.BAD_REQUEST);
            }
            return Rendering.redirectTo(adres(AuditGebied.PAD, velden, null, null)).status(HttpStatus.SEE_OTHER).build();
        });
    }

    /** The whole current search as CSV (RFC 4180, UTF-8, a header row; {@link Csv}), as an attachment. */
    @GetMapping(AuditGebied.PAD + "/verwerkingen.csv")
    Mono<ResponseEntity<byte[]>> csv(ServerWebExchange verzoek) {
        Zoekvelden velden = Zoekvelden.uit(verzoek.getRequest().getQueryParams());
        Map<String, String> fouten = new LinkedHashMap<>();
        Zoekopdracht opdracht = opdracht(velden, null, null, fouten);
        if (!fouten.isEmpty()) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join("; ", fouten.keySet())));
        }
        return Gebruikers.huidige()
                .flatMap(auditor -> inzage.alles(auditor, Tracering.van(verzoek), opdracht, CSV_MAXIMUM))
                .map(regels -> {
                    StringBuilder csv = new StringBuilder(Csv.regel(CSV_KOPPEN));
                    for (Verwerking v : regels) {
                        csv.append(Csv.regel(Arrays.asList(String.valueOf(v.volgnummer()),
                                v.tijdstip().withOffsetSameInstant(ZoneOffset.UTC).toString(), v.activiteit(), v.doel(),
                                v.grondslag(), v.betrokkene(), v.actor(), v.rol(), v.organisatieonderdeel(),
                                v.resultaat(), v.traceId(), v.spanId())));
                    }
                    String naam = "verwerkingen-" + BESTANDSNAAM.format(OffsetDateTime.now(Tijd.AMSTERDAM)) + ".csv";
                    return ResponseEntity.ok()
                            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + naam + "\"")
                            .body(csv.toString().getBytes(StandardCharsets.UTF_8));
                });
    }

    @GetMapping(AuditGebied.PAD + "/integriteit")
    Mono<Rendering> integriteit(ServerWebExchange verzoek) {
        return Gebruikers.huidige()
                .flatMap(auditor -> inzage.integriteit(auditor, Tracering.van(verzoek)))
                .map(rapport -> Rendering.view("paginas/audit/integriteit").modelAttribute("rapport", rapport).build());
    }

    /** The security log: refused accesses, newest first, with the API's filters; paged on by {@code voor}. */
    @GetMapping(AuditGebied.PAD + "/toegangsweigeringen")
    Mono<Rendering> toegangsweigeringen(ServerWebExchange verzoek) {
        MultiValueMap<String, String> adres = verzoek.getRequest().getQueryParams();
        String actor = waarde(adres, "actor");
        String soort = waarde(adres, "soort");
        String grootte = waarde(adres, "limiet") == null ? String.valueOf(STANDAARDGROOTTE) : waarde(adres, "limiet");
        String voor = waarde(adres, "voor");
        Map<String, String> fouten = new LinkedHashMap<>();
        String van = rfc3339(waarde(adres, "van"), "van", fouten);
        String tot = rfc3339(waarde(adres, "tot"), "tot", fouten);
        Map<String, String> keuzes = new LinkedHashMap<>();
        keuzes.put("van", waarde(adres, "van"));
        keuzes.put("tot", waarde(adres, "tot"));
        keuzes.put("actor", actor);
        keuzes.put("soort", soort);
        keuzes.put("limiet", grootte);
        Rendering.Builder<?> pagina = Rendering.view("paginas/audit/toegangsweigeringen")
                .modelAttribute("keuzes", keuzes)
                .modelAttribute("soorten", Auditinzage.weigeringssoorten())
                .modelAttribute("groottes", BLADZIJDEGROOTTES);
        if (!fouten.isEmpty()) {
            return Mono.just(pagina.modelAttribute("fouten", fouten).modelAttribute("regels", List.of())
                    .status(HttpStatus.BAD_REQUEST).build());
        }
        return Gebruikers.huidige()
                .flatMap(auditor -> inzage.toegangsweigeringen(auditor, Tracering.van(verzoek), van, tot, actor, soort,
                        grootte, voor))
                .map(weigeringen -> {
                    List<Toegangsweigering> regels = weigeringen.regels();
                    String verder = null;
                    if (weigeringen.meer() && !regels.isEmpty()) {
                        Map<String, String> volgende = new LinkedHashMap<>(keuzes);
                        volgende.put("voor", String.valueOf(regels.get(regels.size() - 1).volgnummer()));
                        verder = adres(AuditGebied.PAD + "/toegangsweigeringen", volgende);
                    }
                    return pagina.modelAttribute("fouten", Map.of())
                            .modelAttribute("regels", regels.stream().map(w -> new Weigeringsregel(getoond(w.tijdstip()),
                                    w.tijdstip().withOffsetSameInstant(ZoneOffset.UTC).toString(), w)).toList())
                            .modelAttribute("verderUrl", verder == null ? "" : verder)
                            .modelAttribute("eersteUrl", voor == null ? "" : adres(AuditGebied.PAD + "/toegangsweigeringen", keuzes))
                            .build();
                })
                .onErrorResume(OngeldigeParameters.class, fout -> {
                    Map<String, String> gemeld = new LinkedHashMap<>();
                    fout.fouten().forEach(f -> gemeld.put(f.parameter(), tekst(f)));
                    return Mono.just(pagina.modelAttribute("fouten", gemeld).modelAttribute("regels", List.of())
                            .status(HttpStatus.BAD_REQUEST).build());
                });
    }

    /**
     * The search for the API from what the form or address holds; what is wrong goes into
     * {@code fouten} by form field (the betrokkene's field is the BSN's).
     */
    static Zoekopdracht opdracht(Zoekvelden velden, Long voor, Long na, Map<String, String> fouten) {
        String van = rfc3339(velden.van(), "van", fouten);
        String tot = rfc3339(velden.tot(), "tot", fouten);
        String limiet = velden.limiet() == null ? String.valueOf(STANDAARDGROOTTE) : velden.limiet();
        Zoekopdracht opdracht = new Zoekopdracht(velden.betrokkene(), velden.actor(), velden.traceId(), van, tot,
                limiet, voor, na);
        try {
            Auditinzage.controleer(opdracht);
        } catch (OngeldigeParameters e) {
            for (OngeldigeParameters.Parameterfout fout : e.fouten()) {
                String veld = switch (fout.parameter()) {
                    case "betrokkene" -> "bsn";
                    case "voor", "na" -> "bladzijde";
                    default -> fout.parameter();
                };
                fouten.putIfAbsent(veld, tekst(fout));
            }
        }
        return opdracht;
    }

    private static String tekst(OngeldigeParameters.Parameterfout fout) {
        return switch (fout.parameter()) {
            case "betrokkene" -> "Deze betrokkene bestaat niet. Zoek opnieuw met een BSN.";
            case "actor" -> "Vul een actor in van ten hoogste 256 tekens.";
            case "traceId" -> "Een trace-id is 32 tekens, cijfers en de letters a tot en met f.";
            case "tot" -> "Het einde van de periode moet na het begin liggen.";
            case "limiet" -> "Kies hoeveel verwerkingen per bladzijde.";
            case "soort" -> "Kies een soort weigering uit de lijst.";
            default -> "Deze bladzijde bestaat niet. Begin een nieuwe zoekopdracht.";
        };
    }

    /** A bound as typed, read with the page's rules ({@link Periode}) and handed on as RFC 3339. */
    private static String rfc3339(String tekst, String naam, Map<String, String> fouten) {
        if (tekst == null) {
            return null;
        }
        try {
            Instant moment = "van".equals(naam) ? Periode.van(tekst) : Periode.tot(tekst);
            return moment.toString();
        } catch (Tijdstipinvoer.Ongeldig e) {
            fouten.put(naam, "Vul een datum in (zoals 2026-03-10) of een datum met tijd (zoals 2026-03-10T14:30),"
                    + " in de jaren 1900 tot en met 9999.");
            return null;
        }
    }

    private static Long cursor(MultiValueMap<String, String> adres, String naam, Map<String, String> fouten) {
        String waarde = waarde(adres, naam);
        if (waarde == null) {
            return null;
        }
        try {
            return Long.parseLong(waarde);
        } catch (NumberFormatException e) {
            fouten.put("bladzijde", "Deze bladzijde bestaat niet. Begin een nieuwe zoekopdracht.");
            return null;
        }
    }

    private static Rendering formulier(Zoekvelden velden, Map<String, String> fouten, HttpStatus status) {
        return Rendering.view("paginas/audit/zoeken").status(status)
                .modelAttribute("velden", velden)
                .modelAttribute("fouten", fouten)
                .modelAttribute("groottes", BLADZIJDEGROOTTES)
                .modelAttribute("gezocht", false)
                .build();
    }

    private static Rendering resultaten(Zoekvelden velden, Bladzijde bladzijde) {
        List<Verwerking> verwerkingen = bladzijde.verwerkingen();
        List<Regel> regels = verwerkingen.stream().map(v -> new Regel(v.volgnummer(), getoond(v.tijdstip()),
                v.tijdstip().withOffsetSameInstant(ZoneOffset.UTC).toString(), v.activiteit(), v.doel(), v.betrokkene(),
                v.actor(), v.rol(), v.organisatieonderdeel(), v.resultaat(), v.traceId())).toList();
        List<Zoekterm> termen = new ArrayList<>();
        if (velden.betrokkene() != null) {
            termen.add(new Zoekterm("Betrokkene (pseudoniem)", velden.betrokkene()));
        }
        if (velden.actor() != null) {
            termen.add(new Zoekterm("Actor", velden.actor()));
        }
        if (velden.traceId() != null) {
            termen.add(new Zoekterm("Trace-id", velden.traceId()));
        }
        if (velden.van() != null) {
            termen.add(new Zoekterm("Vanaf", getoond(OffsetDateTime.ofInstant(Periode.van(velden.van()), ZoneOffset.UTC))));
        }
        if (velden.tot() != null) {
            termen.add(new Zoekterm("Tot", getoond(OffsetDateTime.ofInstant(Periode.tot(velden.tot()), ZoneOffset.UTC))));
        }
        String nieuwer = bladzijde.nieuwere() && !regels.isEmpty()
                ? adres(AuditGebied.PAD, velden, null, regels.get(0).volgnummer()) : "";
        String ouder = bladzijde.oudere() && !regels.isEmpty()
                ? adres(AuditGebied.PAD, velden, regels.get(regels.size() - 1).volgnummer(), null) : "";
        return Rendering.view("paginas/audit/zoeken")
                .modelAttribute("velden", velden)
                .modelAttribute("fouten", Map.of())
                .modelAttribute("groottes", BLADZIJDEGROOTTES)
                .modelAttribute("gezocht", true)
                .modelAttribute("termen", termen)
                .modelAttribute("regels", regels)
                .modelAttribute("nieuwerUrl", nieuwer)
                .modelAttribute("ouderUrl", ouder)
                .modelAttribute("eersteUrl", adres(AuditGebied.PAD, velden, null, null))
                .modelAttribute("csvUrl", adres(AuditGebied.PAD + "/verwerkingen.csv", velden, null, null))
                .modelAttribute("csvMaximum", CSV_MAXIMUM)
                .build();
    }

    static String getoond(OffsetDateTime tijdstip) {
        return GETOOND.format(tijdstip.atZoneSameInstant(Tijd.AMSTERDAM));
    }

    /** The address of this search (never a BSN: the betrokkene is his pseudonym), on a page of it. */
    static String adres(String pad, Zoekvelden velden, Long voor, Long na) {
        Map<String, String> delen = new LinkedHashMap<>();
        delen.put("betrokkene", velden.betrokkene());
        delen.put("actor", velden.actor());
        delen.put("traceId", velden.traceId());
        delen.put("van", velden.van());
        delen.put("tot", velden.tot());
        delen.put("limiet", velden.gekozenGrootte());
        delen.put("voor", voor == null ? null : voor.toString());
        delen.put("na", na == null ? null : na.toString());
        return adres(pad, delen);
    }

    private static String adres(String pad, Map<String, String> delen) {
        StringBuilder adres = new StringBuilder(pad);
        char scheiding = '?';
        for (Map.Entry<String, String> deel : delen.entrySet()) {
            if (deel.getValue() != null) {
                adres.append(scheiding).append(deel.getKey()).append('=')
                        .append(URLEncoder.encode(deel.getValue(), StandardCharsets.UTF_8));
                scheiding = '&';
            }
        }
        return adres.toString();
    }

    private static String waarde(MultiValueMap<String, String> waarden, String naam) {
        String waarde = waarden.getFirst(naam);
        return waarde == null || waarde.isBlank() ? null : waarde.strip();
    }
}
