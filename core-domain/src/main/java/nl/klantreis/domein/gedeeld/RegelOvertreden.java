package nl.klantreis.domein.gedeeld;

/**
 * A message that contradicts what the engine knows (a statustype of another zaaktype, a
 * verlenging the zaaktype does not allow, the same klantcontactId with other facts). The message
 * is rejected and nothing of it is stored.
 *
 * @see #veld() the field of the message's {@code data} that is at fault
 */
public class RegelOvertreden extends RuntimeException {
    private final String veld;

    public RegelOvertreden(String veld, String reden) {
        super(reden);
        this.veld = veld;
    }

    public String veld() {
        return veld;
    }
}
