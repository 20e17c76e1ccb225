package nl.klantreis.api.web;

/**
 * The registered processing activities, purposes and legal grounds the engine logs (Logboek
 * Dataverwerkingen): one place, so the register and the code cannot drift apart.
 */
public final class Audits {
    public static final String PUBLIEKE_TAAK = "AVG art. 6 lid 1 sub e (publieke taak)";
    public static final String DIENSTVERLENING_BURGER = "dienstverlening aan de burger";
    public static final String KLANTCONTACT = "afhandeling klantcontact";
    public static final String RECHT_OP_VERGETEN = "uitvoering recht op vergetelheid (AVG art. 17)";
    public static final String GETOOND = "getoond";
    public static final String NIET_GEVONDEN = "niet-gevonden";
    public static final String UITGEVOERD = "uitgevoerd";

    private Audits() {
    }
}
