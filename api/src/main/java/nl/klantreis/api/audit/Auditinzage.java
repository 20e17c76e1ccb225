package nl.klantreis.api.audit;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import nl.klantreis.api.beveiliging.Gebruiker;
import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.web.OngeldigeParameters;
import nl.klantreis.api.web.Werkers;
import nl.klantreis.infrastructuur.audit.Integriteitscontrole;
import nl.klantreis.infrastructuur.audit.Integriteitsrapport;
import reactor.core.publisher.Mono;

/**
 * The audit log for the auditor's pages ({@code nl.klantreis.api.paginas.audit}): the same search,
 * integrity check and security log as {@link AuditController} and
 * {@link ToegangsweigeringenController}, with the same parameter checks and the same records
 * written before anything is returned. So a page and the JSON API cannot drift apart in what they
 * show or in how looking is logged: a search is {@value AuditController#AUDITLOG_INZIEN} (with a
 * processing record for the betrokkene searched for, if any), the integrity check
 * {@value AuditController#AUDITLOG_CONTROLEREN}, the security log
 * {@value ToegangsweigeringenController#TOEGANGSWEIGERINGEN_INZIEN}.
 *
 * <p>The one addition is paging both ways by keyset ({@code voor}, {@code na}), which the pages
 * need for "newer" and "older" links.
 */
@Component
public class Auditinzage {
    /** The resultaat of a search whose answer left as a file (CSV) rather than a page. */
    public static final String GEDOWNLOAD = "gedownload";

    private final Verwerkingslog log;
    private final Auditvragen vragen;
    private final Toegangsvragen toegang;
    private final Integriteitscontrole controle;

    Auditinzage(Verwerkingslog log, Auditvragen vragen, Toegangsvragen toegang, Integriteitscontrole controle) {
        this.log = log;
        this.vragen = vragen;
        this.toegang = toegang;
        this.controle = controle;
    }

    /**
     * A search as {@code GET /api/v1/audit/verwerkingen} takes it (the betrokkene as pseudonym, van and
     * tot as RFC 3339), plus at most one keyset cursor.
     */
    public record Zoekopdracht(String betrokkene, String actor, String traceId, String van, String tot,
                               String limiet, Long voor, Long na) {
        /** The same search on another page. */
        public Zoekopdracht bladzijde(Long voor, Long na) {
            return new Zoekopdracht(betrokkene, actor, traceId, van, tot, limiet, voor, na);
        }
    }

    /**
     * @param verwerkingen newest first
     * @param nieuwere     whether records newer than the first exist (a "previous" page)
     * @param oudere       whether records older than the last exist (a "next" page)
     */
    public record Bladzijde(List<Verwerking> verwerkingen, int limiet, boolean nieuwere, boolean oudere) {
    }

    /** @param meer whether older rows exist: the next page is {@code voor} the last row's volgnummer */
    public record Weigeringen(List<Toegangsweigering> regels, int limiet, boolean meer) {
    }

    /**
     * Checks a search as the API does; every invalid parameter at once.
     *
     * @throws OngeldigeParameters naming each parameter, as the API's 400 does
     */
    public static void controleer(Zoekopdracht opdracht) {
        List<OngeldigeParameters.Parameterfout> fouten = new ArrayList<>();
        try {
            filter(opdracht);
        } catch (OngeldigeParameters e) {
            fouten.addAll(e.fouten());
        }
        if (opdracht.voor() != null && opdracht.na() != null) {
            fouten.add(new OngeldigeParameters.Parameterfout("voor", "voor of na, niet beide"));
        }
        if (opdracht.voor() != null && opdracht.voor() < 1) {
            fouten.add(new OngeldigeParameters.Parameterfout("voor", "een volgnummer (positief geheel getal)"));
        }
        if (opdracht.na() != null && opdracht.na() < 1) {
            fouten.add(new OngeldigeParameters.Parameterfout("na", "een volgnummer (positief geheel getal)"));
        }
        if (!fouten.isEmpty()) {
            throw new OngeldigeParameters(fouten);
        }
    }

    /** One page of the search, logged as the API logs its search. */
    public Mono<Bladzijde> zoek(Gebruiker auditor, Tracecontext trace, Zoekopdracht opdracht) {
        controleer(opdracht);
        Auditvragen.Filter filter = filter(opdracht);
        return auditor(auditor).then(Werkers.blokkerend(() -> bladzijde(filter, opdracht)))
                .flatMap(bladzijde -> log.leg(zoekverslag(auditor, trace, filter, AuditController.GETOOND))
                        .thenReturn(bladzijde));
    }

    /**
     * Every record of the search, newest first, up to {@code maximum} (read a thousand at a time);
     * logged as one search whose resultaat is {@link #GEDOWNLOAD}. The cursor of the opdracht is
     * ignored: a download is the whole search.
     */
    public Mono<List<Verwerking>> alles(Gebruiker auditor, Tracecontext trace, Zoekopdracht opdracht, int maximum) {
        Zoekopdracht geheel = opdracht.bladzijde(null, null);
        controleer(geheel);
        Auditvragen.Filter gevraagd = filter(geheel);
        Auditvragen.Filter perKeer = new Auditvragen.Filter(gevraagd.betrokkene(), gevraagd.actor(), gevraagd.traceId(),
                gevraagd.van(), gevraagd.tot(), Auditvragen.MAXIMALE_LIMIET);
        return auditor(auditor).then(Werkers.blokkerend(() -> {
            List<Verwerking> alles = new ArrayList<>();
            Long voor = null;
            boolean meer = true;
            while (meer && alles.size() < maximum) {
                Auditvragen.Uitkomst<Verwerking> deel = vragen.verwerkingen(perKeer, voor, null);
                alles.addAll(deel.regels());
                meer = deel.meer() && !deel.regels().isEmpty();
                voor = deel.regels().isEmpty() ? null : deel.regels().get(deel.regels().size() - 1).volgnummer();
            }
            return List.copyOf(alles.size() > maximum ? alles.subList(0, maximum) : alles);
        })).flatMap(regels -> log.leg(zoekverslag(auditor, trace, gevraagd, GEDOWNLOAD)).thenReturn(regels));
    }

    /** Both hash chains checked end to end; a user-audit record only (it shows no one's data). */
    public Mono<Integriteitsrapport> integriteit(Gebruiker auditor, Tracecontext trace) {
        return auditor(auditor).then(Werkers.blokkerend(controle::controleer))
                .flatMap(rapport -> log.leg(new Verwerkingsverslag(auditor, trace, AuditController.AUDITLOG_CONTROLEREN,
                        AuditController.DOEL_TOEZICHT, AuditController.GRONDSLAG_TOEZICHT, List.of(),
                        rapport.intact() ? "intact" : "breuk")).thenReturn(rapport));
    }

    /**
     * The security log as {@code GET /api/v1/audit/toegangsweigeringen} gives it (same parameters,
     * same record).
     *
     * @throws OngeldigeParameters for an invalid parameter, before anything is read
     */
    public Mono<Weigeringen> toegangsweigeringen(Gebruiker auditor, Tracecontext trace, String van, String tot,
                                                 String actor, String soort, String limiet, String voor) {
        ToegangsweigeringenController.Filter filter = ToegangsweigeringenController.filter(van, tot, actor, soort,
                limiet, voor);
        int aantal = filter.basis().limiet();
        return auditor(auditor).then(Werkers.blokkerend(() -> toegang.zoek(filter)))
                .flatMap(regels -> log.leg(new Verwerkingsverslag(auditor, trace,
                                ToegangsweigeringenController.TOEGANGSWEIGERINGEN_INZIEN, AuditController.DOEL_TOEZICHT,
                                AuditController.GRONDSLAG_TOEZICHT, List.of(), AuditController.GETOOND))
                        .thenReturn(new Weigeringen(List.copyOf(regels.size() > aantal ? regels.subList(0, aantal) : regels),
                                aantal, regels.size() > aantal)));
    }

    /** The kinds of refusal the security log knows, for a filter's choices. */
    public static List<String> weigeringssoorten() {
        return Toegangsbewaking.SOORTEN.stream().sorted().toList();
    }

    private Bladzijde bladzijde(Auditvragen.Filter filter, Zoekopdracht opdracht) {
        Auditvragen.Uitkomst<Verwerking> uitkomst = vragen.verwerkingen(filter, opdracht.voor(), opdracht.na());
        if (opdracht.na() != null) {
            // Read towards the newer side: beyond it there may be more; the cursor row itself is older.
            return new Bladzijde(uitkomst.regels(), filter.limiet(), uitkomst.meer(), true);
        }
        return new Bladzijde(uitkomst.regels(), filter.limiet(), opdracht.voor() != null, uitkomst.meer());
    }

    private static Auditvragen.Filter filter(Zoekopdracht opdracht) {
        return AuditController.filter(opdracht.betrokkene(), opdracht.actor(), opdracht.traceId(), opdracht.van(),
                opdracht.tot(), opdracht.limiet());
    }

    private static Verwerkingsverslag zoekverslag(Gebruiker auditor, Tracecontext trace, Auditvragen.Filter filter,
                                                  String resultaat) {
        return new Verwerkingsverslag(auditor, trace, AuditController.AUDITLOG_INZIEN, AuditController.DOEL_TOEZICHT,
                AuditController.GRONDSLAG_TOEZICHT,
                filter.betrokkene() == null ? List.of() : List.of(filter.betrokkene()), resultaat);
    }

    /** The role checked here again, as the API's controllers do: what these answers show never rests on one rule. */
    private static Mono<Void> auditor(Gebruiker gebruiker) {
        return gebruiker != null && gebruiker.rol() == Rol.AUDITOR ? Mono.empty()
                : Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "uw rol geeft geen toegang tot dit verzoek"));
    }
}
