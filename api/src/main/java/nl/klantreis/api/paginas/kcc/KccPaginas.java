package nl.klantreis.api.paginas.kcc;

import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;
import static org.axonframework.messaging.responsetypes.ResponseTypes.optionalInstanceOf;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import nl.klantreis.api.audit.Tracering;
import nl.klantreis.api.audit.Verwerkingslog;
import nl.klantreis.api.audit.Verwerkingsverslag;
import nl.klantreis.api.beveiliging.Gebruiker;
import nl.klantreis.api.beveiliging.Gebruikers;
import nl.klantreis.api.web.Audits;
import nl.klantreis.api.web.NietGevonden;
import nl.klantreis.api.web.Uuids;
import nl.klantreis.api.web.Werkers;
import nl.klantreis.domein.gedeeld.Bsn;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.Kvknummer;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;
import nl.klantreis.projecties.klantbeeld.Klantbeeld;
import nl.klantreis.projecties.klantbeeld.KlantbeeldAntwoord;
import nl.klantreis.projecties.klantbeeld.KlantbeeldVraag;
import nl.klantreis.projecties.klantreis.KlantBekendVraag;
import nl.klantreis.projecties.klantreis.Klantreis;
import nl.klantreis.projecties.klantreis.KlantreisVraag;
import nl.klantreis.projecties.klantreis.KlantreizenAntwoord;
import nl.klantreis.projecties.klantreis.KlantreizenVraag;
import nl.klantreis.projecties.mijnzaken.Zaakkaart;
import nl.klantreis.projecties.tijd.Tijdas;
import reactor.core.publisher.Mono;

/**
 * The KCC employee's pages (issue 11, item 2): find a klant by BSN or KVK number, his klantbeeld,
 * and one klantreis as swimlanes per kanaal.
 *
 * <p>The number is typed into a POST form and never travels further than the pseudonym it turns
 * into: the found klant's page is addressed by his klantId (a redirect, 303), as the API answers
 * {@code POST /api/v1/klanten/zoeken} with a klantId. An invalid number is refused before
 * anything is looked up (the API's 400); a search writes the API's {@code klant-zoeken} record,
 * found or not; the klantbeeld writes {@code klantbeeld-inzien} and {@code klantreizen-inzien}
 * (it shows the answers of both API reads), a klantreis {@code klantreis-inzien}. Every record is
 * stored before the page is rendered.
 */
@Controller
class KccPaginas {
    static final String BSN = "bsn";
    static final String KVK = "kvk";

    private final QueryGateway vragen;
    private final Verwerkingslog log;
    private final Pseudoniemen pseudoniemen;
    private final Weergave weergave;
    private final Clock klok;

    KccPaginas(QueryGateway vragen, Verwerkingslog log, Pseudoniemen pseudoniemen, Weergave weergave, Clock klok) {
        this.vragen = vragen;
        this.log = log;
        this.pseudoniemen = pseudoniemen;
        this.weergave = weergave;
        this.klok = klok;
    }

    /**
     * What the form shows: the chosen soort, the number as typed (so a mistake can be corrected; it
     * is in the answer's body only), and at most one of an error about the number or the message
     * that nobody has it.
     */
    record Zoekformulier(String soort, String nummer, String fout, String onbekend) {
        static Zoekformulier leeg() {
            return new Zoekformulier(BSN, "", "", "");
        }
    }

    @GetMapping(KccGebied.PAD)
    Rendering zoekpagina() {
        return zoekpagina(HttpStatus.OK, Zoekformulier.leeg());
    }

    @PostMapping(KccGebied.PAD + "/zoeken")
    Mono<Rendering> zoek(ServerWebExchange verzoek) {
        return verzoek.getFormData().flatMap(formulier -> {
            String soort = KVK.equals(waarde(formulier, "soort")) ? KVK : BSN;
            // Spaces and dots as people write numbers ("9999 90 342"); nothing else is forgiven.
            String nummer = waarde(formulier, "nummer").replaceAll("[\\s.]", "");
            String fout = fout(soort, nummer);
            if (fout != null) {
                // Nothing is looked up or logged for a number that cannot be anyone's (the API's 400).
                return Mono.just(zoekpagina(HttpStatus.BAD_REQUEST, new Zoekformulier(soort, nummer, fout, "")));
            }
            KlantId klant = pseudoniemen.voor(BSN.equals(soort) ? Identificatiesoort.BSN : Identificatiesoort.KVK,
                    nummer);
            return Gebruikers.huidige().flatMap(medewerker -> Werkers.blokkerend(
                            () -> vragen.query(new KlantBekendVraag(klant), instanceOf(Boolean.class)).join())
                    .flatMap(bekend -> bekend
                            ? log.leg(verslag(medewerker, verzoek, "klant-zoeken", klant, Audits.GETOOND))
                                    .thenReturn(Rendering.redirectTo(KccGebied.PAD + "/klanten/" + klant.waarde())
                                            .status(HttpStatus.SEE_OTHER).build())
                            : log.leg(verslag(medewerker, verzoek, "klant-zoeken", null, Audits.NIET_GEVONDEN))
                                    .thenReturn(zoekpagina(HttpStatus.NOT_FOUND, new Zoekformulier(soort, nummer, "",
                                            BSN.equals(soort) ? "Er is geen klant met dit BSN."
                                                    : "Er is geen klant met dit KVK-nummer.")))));
        });
    }

    @GetMapping(KccGebied.PAD + "/klanten/{klantId}")
    Mono<Rendering> klantbeeld(@PathVariable String klantId, ServerWebExchange verzoek) {
        KlantId klant = klantId(klantId);
        Instant nu = klok.instant();
        return Gebruikers.huidige().flatMap(medewerker -> Werkers.blokkerend(() -> {
                    Klantbeeld<Zaakkaart> beeld = vragen.query(new KlantbeeldVraag(klant, nu, Tijdas.GEBEURD),
                            instanceOf(KlantbeeldAntwoord.class)).join().klantbeeld();
                    if (beeld == null) {
                        throw new NietGevonden("onbekende klant");
                    }
                    KlantreizenAntwoord reizen = vragen.query(new KlantreizenVraag(klant, nu, Tijdas.GEBEURD),
                            instanceOf(KlantreizenAntwoord.class)).join();
                    return Map.entry(beeld, reizen.klantreizen());
                })
                .flatMap(gelezen -> log.leg(verslag(medewerker, verzoek, "klantbeeld-inzien", klant, Audits.GETOOND))
                        .then(log.leg(verslag(medewerker, verzoek, "klantreizen-inzien", klant, Audits.GETOOND)))
                        .thenReturn(Rendering.view("paginas/kcc/klantbeeld")
                                .modelAttribute("klant", gelezen.getKey())
                                .modelAttribute("klantreizen", reisregels(gelezen.getKey(), gelezen.getValue()))
                                .modelAttribute("weergave", weergave)
                                .build())));
    }

    @GetMapping(KccGebied.PAD + "/klantreizen/{klantreisId}")
    Mono<Rendering> klantreis(@PathVariable String klantreisId, ServerWebExchange verzoek) {
        KlantreisId id = klantreisId(klantreisId);
        Instant nu = klok.instant();
        return Gebruikers.huidige().flatMap(medewerker -> Werkers.blokkerend(() -> vragen.query(
                        new KlantreisVraag(id, nu, Tijdas.GEBEURD), optionalInstanceOf(Klantreis.class)).join()
                        .orElseThrow(() -> new NietGevonden("onbekende klantreis")))
                .flatMap(reis -> log.leg(verslag(medewerker, verzoek, "klantreis-inzien", new KlantId(reis.klantId()),
                                Audits.GETOOND))
                        .thenReturn(Rendering.view("paginas/kcc/klantreis")
                                .modelAttribute("reis", reis)
                                .modelAttribute("thema", thema(reis, Map.of()))
                                .modelAttribute("tijdlijn", Tijdlijn.van(reis))
                                .modelAttribute("weergave", weergave)
                                .build())));
    }

    /**
     * One klantreis in the klantbeeld's list, with what the employee needs to pick it.
     *
     * @param thema the zaak's identificatie when the klantbeeld knows it (an open zaak), else its id,
     *              or the onderwerp
     */
    record Reisregel(String klantreisId, String thema, boolean lopend, Instant gestartOp,
                     Instant beeindigdOp, int stappen, long warm, long koud) {
    }

    /** Lopende klantreizen first (the ones an employee is called about), each group newest first. */
    private static List<Reisregel> reisregels(Klantbeeld<Zaakkaart> beeld, List<Klantreis> reizen) {
        Map<String, String> identificaties = beeld.openZaken().stream()
                .filter(zaak -> zaak.zaakId() != null && zaak.identificatie() != null)
                .collect(Collectors.toMap(Zaakkaart::zaakId, Zaakkaart::identificatie, (a, b) -> a));
        return reizen.stream()
                .sorted(Comparator.comparing(Klantreis::lopend).reversed()
                        .thenComparing(Klantreis::gestartOp, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(reis -> {
                    Tijdlijn tijdlijn = Tijdlijn.van(reis);
                    return new Reisregel(reis.klantreisId(), thema(reis, identificaties), reis.lopend(), reis.gestartOp(),
                            reis.beeindigdOp(), reis.stappen().size(), tijdlijn.warm(), tijdlijn.koud());
                })
                .toList();
    }

    private static String thema(Klantreis reis, Map<String, String> identificaties) {
        if (reis.thema() == null) {
            return "";
        }
        if (reis.thema().zaakId() != null) {
            return "Zaak " + identificaties.getOrDefault(reis.thema().zaakId(), reis.thema().zaakId());
        }
        return "Vraag over " + Objects.requireNonNullElse(reis.thema().onderwerp(), "").replace('-', ' ');
    }

    private static String fout(String soort, String nummer) {
        if (BSN.equals(soort)) {
            if (nummer.isEmpty()) {
                return "Vul een BSN in.";
            }
            if (!nummer.matches("[0-9]{9}")) {
                return "Een BSN heeft 9 cijfers.";
            }
            return Bsn.isGeldig(nummer) ? null : "Dit is geen geldig BSN: het haalt de elfproef niet. Controleer de cijfers.";
        }
        if (nummer.isEmpty()) {
            return "Vul een KVK-nummer in.";
        }
        return Kvknummer.isGeldig(nummer) ? null : "Een KVK-nummer heeft 8 cijfers.";
    }

    private static String waarde(MultiValueMap<String, String> formulier, String naam) {
        String waarde = formulier.getFirst(naam);
        return waarde == null ? "" : waarde.strip();
    }

    private Rendering zoekpagina(HttpStatus status, Zoekformulier formulier) {
        return Rendering.view("paginas/kcc/zoeken").status(status).modelAttribute("zoek", formulier).build();
    }

    /** An address that is no klantId is a page that does not exist. */
    private static KlantId klantId(String tekst) {
        try {
            return new KlantId(tekst);
        } catch (IllegalArgumentException e) {
            throw new NietGevonden("geen klantId");
        }
    }

    private static KlantreisId klantreisId(String tekst) {
        try {
            UUID id = Uuids.strikt(tekst);
            return new KlantreisId(id);
        } catch (IllegalArgumentException e) {
            throw new NietGevonden("geen klantreisId");
        }
    }

    /** As the API's KlantenController and KlantreizenController write it; no klant for a search that found none. */
    private static Verwerkingsverslag verslag(Gebruiker medewerker, ServerWebExchange verzoek, String activiteit,
                                              KlantId klant, String resultaat) {
        return new Verwerkingsverslag(medewerker, Tracering.van(verzoek), activiteit, Audits.KLANTCONTACT,
                Audits.PUBLIEKE_TAAK, klant == null ? List.of() : List.of(klant), resultaat);
    }
}
