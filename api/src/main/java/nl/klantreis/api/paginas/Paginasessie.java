package nl.klantreis.api.paginas;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.session.Session;

/**
 * One web session of the pages as {@link Paginasessies} keeps it: the attributes, the times, and
 * what it needs to decide whether a save must write (only a new session, a changed attribute or id,
 * or a last use that moved more than {@link Paginasessies#GEBRUIK_BIJWERKEN_NA} since it was stored:
 * a page with its CSS and scripts is then one read per file and no write).
 */
final class Paginasessie implements Session {
    private final Supplier<String> nieuweId;
    private final Map<String, Object> attributen;
    private final Instant aangemaakt;
    private String id;
    private String oorspronkelijkeId;
    private Instant laatstGebruikt;
    private Duration maxInactief;
    /** When the stored row's last use was written; null: never stored. */
    private Instant opgeslagenGebruik;
    private boolean veranderd;

    /** A new session, not stored yet. */
    Paginasessie(Supplier<String> nieuweId, Duration maxInactief, Instant nu) {
        this(nieuweId, nieuweId.get(), new LinkedHashMap<>(), nu, nu, maxInactief, null);
    }

    /** A session as stored. */
    Paginasessie(Supplier<String> nieuweId, String id, Map<String, Object> attributen, Instant aangemaakt,
                 Instant laatstGebruikt, Duration maxInactief, Instant opgeslagenGebruik) {
        this.nieuweId = nieuweId;
        this.id = id;
        this.oorspronkelijkeId = opgeslagenGebruik == null ? null : id;
        this.attributen = attributen;
        this.aangemaakt = aangemaakt;
        this.laatstGebruikt = laatstGebruikt;
        this.maxInactief = maxInactief;
        this.opgeslagenGebruik = opgeslagenGebruik;
    }

    @Override
    public String getId() {
        return id;
    }

    /** The id under which it is stored now; null when not stored yet. */
    String oorspronkelijkeId() {
        return oorspronkelijkeId;
    }

    @Override
    public String changeSessionId() {
        id = nieuweId.get();
        veranderd = true;
        return id;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getAttribute(String naam) {
        return (T) attributen.get(naam);
    }

    @Override
    public Set<String> getAttributeNames() {
        return Set.copyOf(attributen.keySet());
    }

    @Override
    public void setAttribute(String naam, Object waarde) {
        if (waarde == null) {
            removeAttribute(naam);
            return;
        }
        // A page puts the same CSRF token or saved address back on many requests: only a new
        // value is a change (the value's own equals; a type without one counts as changed).
        Object oud = attributen.put(naam, waarde);
        veranderd |= !waarde.equals(oud);
    }

    @Override
    public void removeAttribute(String naam) {
        veranderd |= attributen.remove(naam) != null;
    }

    Map<String, Object> attributen() {
        return attributen;
    }

    @Override
    public Instant getCreationTime() {
        return aangemaakt;
    }

    @Override
    public void setLastAccessedTime(Instant tijd) {
        laatstGebruikt = tijd;
    }

    @Override
    public Instant getLastAccessedTime() {
        return laatstGebruikt;
    }

    @Override
    public void setMaxInactiveInterval(Duration duur) {
        veranderd |= !duur.equals(maxInactief);
        maxInactief = duur;
    }

    @Override
    public Duration getMaxInactiveInterval() {
        return maxInactief;
    }

    @Override
    public boolean isExpired() {
        return isVerlopen(Instant.now());
    }

    boolean isVerlopen(Instant nu) {
        return !maxInactief.isNegative() && nu.minus(maxInactief).isAfter(laatstGebruikt);
    }

    /** Whether a save must write: new, changed, or its last use moved on far enough. */
    boolean moetSchrijven(Duration gebruikBijwerkenNa) {
        return opgeslagenGebruik == null || veranderd || !id.equals(oorspronkelijkeId)
                || Duration.between(opgeslagenGebruik, laatstGebruikt).compareTo(gebruikBijwerkenNa) >= 0;
    }

    /** After a write: what is stored now is this. */
    void opgeslagen() {
        oorspronkelijkeId = id;
        opgeslagenGebruik = laatstGebruikt;
        veranderd = false;
    }
}
