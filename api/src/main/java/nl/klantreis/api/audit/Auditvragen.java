package nl.klantreis.api.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.infrastructuur.audit.Vergetenbetrokkene;

/**
 * Reading the audit log: the auditor's search and the burger's own list, newest first. The actor
 * comes from the user-audit record of the same trace and span (the engine's span is unique per
 * request, so a caller's trace id reused over several requests does not mix their actors).
 * Blocking JDBC: call it off the event loop.
 */
@Component
class Auditvragen {
    static final int MAXIMALE_LIMIET = 1_000;

    // The user-audit record of the verslag: same trace and span, the same activity first should one
    // request ever have logged two activities.
    private static final String MET_GEBRUIKER = " from verwerking v left join lateral (select g.actor, g.rol,"
            + " g.organisatieonderdeel from gebruikersaudit g where g.trace_id = v.trace_id and g.span_id = v.span_id"
            + " order by (g.activiteit = v.activiteit) desc, g.volgnummer limit 1) g on true";

    private final NamedParameterJdbcTemplate jdbc;

    Auditvragen(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    /** @param limiet at most this many; one more is read, to tell whether there are more */
    record Filter(KlantId betrokkene, String actor, String traceId, Instant van, Instant tot, int limiet) {
        Filter {
            if (limiet < 1 || limiet > MAXIMALE_LIMIET) {
                throw new IllegalArgumentException("limiet tussen 1 en " + MAXIMALE_LIMIET);
            }
        }
    }

    record Uitkomst<T>(List<T> regels, boolean meer) {
    }

    Uitkomst<Verwerking> verwerkingen(Filter filter) {
        return verwerkingen(filter, null, null);
    }

    /**
     * One page of the search, by keyset rather than offset: reading the log writes to it (a search
     * for a betrokkene adds his record at the top), so an offset would shift between two pages.
     *
     * @param voor only records older than the one with this volgnummer (the next page), or null
     * @param na   only records newer than the one with this volgnummer (the previous page), or null;
     *             its {@code meer} then tells whether there are still newer ones. Rows come newest
     *             first either way.
     */
    Uitkomst<Verwerking> verwerkingen(Filter filter, Long voor, Long na) {
        if (voor != null && na != null) {
            throw new IllegalArgumentException("voor of na, niet beide");
        }
        StringBuilder sql = new StringBuilder("select v.volgnummer, v.trace_id, v.span_id, v.tijdstip, v.activiteit,"
                + " v.doel, v.grondslag, v.betrokkene, v.resultaat, g.actor, g.rol, g.organisatieonderdeel")
                .append(MET_GEBRUIKER).append(" where true");
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        // Only the filters given: a "? is null or" form would keep the planner from the indexes.
        if (filter.betrokkene() != null) {
            sql.append(" and v.betrokkene = :betrokkene and ")
                    .append(Vergetenbetrokkene.sindsLaatsteVergeten("v", ":betrokkene"));
            parameters.addValue("betrokkene", filter.betrokkene().waarde());
        }
        if (filter.traceId() != null) {
            sql.append(" and v.trace_id = :traceId");
            parameters.addValue("traceId", filter.traceId());
        }
        if (filter.van() != null) {
            sql.append(" and v.tijdstip >= :van");
            parameters.addValue("van", OffsetDateTime.ofInstant(filter.van(), ZoneOffset.UTC));
        }
        if (filter.tot() != null) {
            sql.append(" and v.tijdstip < :tot");
            parameters.addValue("tot", OffsetDateTime.ofInstant(filter.tot(), ZoneOffset.UTC));
        }
        if (filter.actor() != null) {
            // Both records of a verslag carry the same tijdstip: the time filter narrows this side too.
            sql.append(" and (v.trace_id, v.span_id) in (select a.trace_id, a.span_id from gebruikersaudit a"
                    + " where a.actor = :actor");
            if (filter.van() != null) {
                sql.append(" and a.tijdstip >= :van");
            }
            if (filter.tot() != null) {
                sql.append(" and a.tijdstip < :tot");
            }
            sql.append(")");
            parameters.addValue("actor", filter.actor());
        }
        // The order is (tijdstip, volgnummer): the cursor row is looked up by its volgnummer (unique),
        // so the address carries one number; a volgnummer that does not exist gives no rows.
        if (voor != null) {
            sql.append(" and (v.tijdstip, v.volgnummer) < (select c.tijdstip, c.volgnummer from verwerking c"
                    + " where c.volgnummer = :voor)");
            parameters.addValue("voor", voor);
        }
        if (na != null) {
            sql.append(" and (v.tijdstip, v.volgnummer) > (select c.tijdstip, c.volgnummer from verwerking c"
                    + " where c.volgnummer = :na)");
            parameters.addValue("na", na);
        }
        String richting = na != null ? "asc" : "desc";
        sql.append(" order by v.tijdstip ").append(richting).append(", v.volgnummer ").append(richting)
                .append(" limit :limiet");
        parameters.addValue("limiet", filter.limiet() + 1);
        List<Verwerking> regels = jdbc.query(sql.toString(), parameters, Auditvragen::verwerking);
        Uitkomst<Verwerking> uitkomst = afgekapt(regels, filter.limiet());
        if (na == null) {
            return uitkomst;
        }
        List<Verwerking> nieuwsteEerst = new ArrayList<>(uitkomst.regels());
        Collections.reverse(nieuwsteEerst);
        return new Uitkomst<>(List.copyOf(nieuwsteEerst), uitkomst.meer());
    }

    /** Who processed this klant's data, as he himself may see it. */
    Uitkomst<EigenVerwerking> vanBetrokkene(KlantId klant, int limiet) {
        Objects.requireNonNull(klant, "klant");
        List<EigenVerwerking> regels = jdbc.query("select v.tijdstip, v.activiteit, v.doel, g.rol, g.organisatieonderdeel"
                        + MET_GEBRUIKER + " where v.betrokkene = :betrokkene and "
                        + Vergetenbetrokkene.sindsLaatsteVergeten("v", ":betrokkene")
                        + " order by v.tijdstip desc, v.volgnummer desc limit :limiet",
                new MapSqlParameterSource("betrokkene", klant.waarde()).addValue("limiet", limiet + 1),
                Auditvragen::eigenVerwerking);
        return afgekapt(regels, limiet);
    }

    /**
     * The burger sees whether it was he himself (a burger's token: one sees only one's own data),
     * an employee, or the engine; never which employee. The department, when the employee's token
     * named one, is shown.
     */
    static String door(String rol) {
        Rol bekend = rol == null ? null : Rol.uitClaim(rol).orElse(null);
        if (bekend == null) {
            return "systeem";
        }
        return switch (bekend) {
            case BURGER -> "uzelf";
            case MEDEWERKER, ANALIST, AUDITOR, BEHEERDER -> "medewerker";
            case BRON -> "systeem";
        };
    }

    private static <T> Uitkomst<T> afgekapt(List<T> regels, int limiet) {
        return regels.size() > limiet ? new Uitkomst<>(List.copyOf(regels.subList(0, limiet)), true)
                : new Uitkomst<>(regels, false);
    }

    private static Verwerking verwerking(ResultSet rij, int nummer) throws SQLException {
        return new Verwerking(rij.getString("trace_id"), rij.getString("span_id"), tijdstip(rij),
                rij.getString("activiteit"), rij.getString("doel"), rij.getString("grondslag"),
                rij.getString("betrokkene"), rij.getString("actor"), rij.getString("resultaat"),
                rij.getLong("volgnummer"), rij.getString("rol"), rij.getString("organisatieonderdeel"));
    }

    private static EigenVerwerking eigenVerwerking(ResultSet rij, int nummer) throws SQLException {
        String door = door(rij.getString("rol"));
        return new EigenVerwerking(tijdstip(rij), rij.getString("activiteit"), rij.getString("doel"), door,
                "medewerker".equals(door) ? rij.getString("organisatieonderdeel") : null);
    }

    private static OffsetDateTime tijdstip(ResultSet rij) throws SQLException {
        return rij.getObject("tijdstip", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
