package nl.klantreis.api.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import nl.klantreis.api.beveiliging.Gebruiker;
import nl.klantreis.api.beveiliging.Gebruikers;
import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.web.OngeldigeParameters;
import nl.klantreis.api.web.OngeldigeParameters.Parameterfout;
import nl.klantreis.api.web.Werkers;
import reactor.core.publisher.Mono;

/**
 * The security log for the auditor (ADR 0013): refused and denied accesses, newest first, with the
 * filters of {@code /api/v1/audit/verwerkingen} ({@code van}, {@code tot}, {@code actor},
 * {@code limiet}) and {@code soort}; page on with {@code voor}, the {@code volgnummer} of the last
 * row seen. Reading it is itself a user-audit record, like reading the audit log.
 */
@RestController
class ToegangsweigeringenController {
    static final String TOEGANGSWEIGERINGEN_INZIEN = "toegangsweigeringen-inzien";

    private final Verwerkingslog log;
    private final Toegangslog toegangslog;
    private final NamedParameterJdbcTemplate jdbc;

    ToegangsweigeringenController(Verwerkingslog log, Toegangslog toegangslog, DataSource dataSource) {
        this.log = log;
        this.toegangslog = toegangslog;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    record Filter(Auditvragen.Filter basis, String soort, Long voor) {
    }

    @GetMapping(value = "/api/v1/audit/toegangsweigeringen", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> toegangsweigeringen(@RequestParam(required = false) String van,
                                                  @RequestParam(required = false) String tot,
                                                  @RequestParam(required = false) String actor,
                                                  @RequestParam(required = false) String soort,
                                                  @RequestParam(required = false) String limiet,
                                                  @RequestParam(required = false) String voor,
                                                  ServerWebExchange verzoek) {
        Filter filter = filter(van, tot, actor, soort, limiet, voor);
        return Gebruikers.huidige()
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "niet aangemeld")))
                .filter(gebruiker -> gebruiker.rol() == Rol.AUDITOR)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.FORBIDDEN,
                        "uw rol geeft geen toegang tot dit verzoek")))
                .flatMap(auditor -> Werkers.blokkerend(() -> zoek(filter))
                        .flatMap(regels -> log.leg(verslag(auditor, verzoek)).thenReturn(antwoord(regels, filter))));
    }

    private static Verwerkingsverslag verslag(Gebruiker auditor, ServerWebExchange verzoek) {
        return new Verwerkingsverslag(auditor, Tracering.van(verzoek), TOEGANGSWEIGERINGEN_INZIEN,
                AuditController.DOEL_TOEZICHT, AuditController.GRONDSLAG_TOEZICHT, List.of(), AuditController.GETOOND);
    }

    private static Map<String, Object> antwoord(List<Toegangsweigering> regels, Filter filter) {
        int limiet = filter.basis().limiet();
        Map<String, Object> antwoord = new LinkedHashMap<>();
        antwoord.put("toegangsweigeringen", regels.size() > limiet ? regels.subList(0, limiet) : regels);
        antwoord.put("limiet", limiet);
        antwoord.put("meer", regels.size() > limiet);
        return antwoord;
    }

    /** Every invalid parameter named at once, as for the audit log. */
    static Filter filter(String van, String tot, String actor, String soort, String limiet, String voor) {
        List<Parameterfout> fouten = new ArrayList<>();
        Auditvragen.Filter basis = null;
        try {
            basis = AuditController.filter(null, actor, null, van, tot, limiet);
        } catch (OngeldigeParameters e) {
            fouten.addAll(e.fouten());
        }
        if (soort != null && !Toegangsbewaking.SOORTEN.contains(soort)) {
            fouten.add(new Parameterfout("soort", "een van " + String.join(", ", Toegangsbewaking.SOORTEN.stream()
                    .sorted().toList())));
        }
        Long vóór = null;
        if (voor != null) {
            try {
                vóór = Long.parseLong(voor.strip());
                if (vóór < 1) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                fouten.add(new Parameterfout("voor", "het volgnummer (een positief geheel getal) van de laatst gelezen regel"));
            }
        }
        if (!fouten.isEmpty()) {
            throw new OngeldigeParameters(fouten);
        }
        return new Filter(basis, soort, vóór);
    }

    private List<Toegangsweigering> zoek(Filter filter) {
        // What was counted but not yet written is written first: the auditor sees up to now.
        toegangslog.schrijfWeg();
        StringBuilder sql = new StringBuilder("select volgnummer, eerste, laatste, aantal, soort, status, reden, actor,"
                + " rol, adres, methode, pad, object, trace_id from toegangsweigering where true");
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        Auditvragen.Filter basis = filter.basis();
        if (basis.van() != null) {
            sql.append(" and eerste >= :van");
            parameters.addValue("van", OffsetDateTime.ofInstant(basis.van(), ZoneOffset.UTC));
        }
        if (basis.tot() != null) {
            sql.append(" and eerste < :tot");
            parameters.addValue("tot", OffsetDateTime.ofInstant(basis.tot(), ZoneOffset.UTC));
        }
        if (basis.actor() != null) {
            sql.append(" and actor = :actor");
            parameters.addValue("actor", basis.actor());
        }
        if (filter.soort() != null) {
            sql.append(" and soort = :soort");
            parameters.addValue("soort", filter.soort());
        }
        if (filter.voor() != null) {
            sql.append(" and volgnummer < :voor");
            parameters.addValue("voor", filter.voor());
        }
        sql.append(" order by volgnummer desc limit :limiet");
        parameters.addValue("limiet", basis.limiet() + 1);
        return jdbc.query(sql.toString(), parameters, ToegangsweigeringenController::regel);
    }

    private static Toegangsweigering regel(ResultSet rij, int nummer) throws SQLException {
        return new Toegangsweigering(rij.getLong("volgnummer"), tijdstip(rij, "eerste"), tijdstip(rij, "laatste"),
                rij.getLong("aantal"), rij.getString("soort"), rij.getInt("status"), rij.getString("reden"),
                rij.getString("actor"), rij.getString("rol"), rij.getString("adres"), rij.getString("methode"),
                rij.getString("pad"), rij.getString("object"), rij.getString("trace_id"));
    }

    private static OffsetDateTime tijdstip(ResultSet rij, String kolom) throws SQLException {
        return rij.getObject(kolom, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
