package nl.klantreis.api.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reading the security log, newest row first (by volgnummer, so {@code voor} pages exactly; a row
 * that is added to keeps its place). Blocking JDBC: call it off the event loop.
 */
@Component
class Toegangsvragen {
    private final Toegangslog toegangslog;
    private final NamedParameterJdbcTemplate jdbc;

    Toegangsvragen(Toegangslog toegangslog, DataSource dataSource) {
        this.toegangslog = toegangslog;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    /** At most limiet + 1 rows: one more than asked tells whether there are more. */
    List<Toegangsweigering> zoek(ToegangsweigeringenController.Filter filter) {
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
        return jdbc.query(sql.toString(), parameters, Toegangsvragen::regel);
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
