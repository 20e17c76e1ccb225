package nl.klantreis.api.openapi;

/**
 * The names the controllers' OpenAPI annotations share: the tags (one per capability, described
 * once in {@link OpenApiBeschrijving}) and the reusable answers of {@code components/responses}.
 * Constants, so that a controller and the document cannot spell a tag two ways.
 */
public final class Documentatie {
    static final String INGESTIE = "Ingestie";
    public static final String MIJNZAKEN = "MijnZaken";
    public static final String KLANTEN = "Klanten";
    public static final String KLANTREIZEN = "Klantreizen";
    public static final String KPI = "KPI";
    public static final String VERWERKINGSLOG = "Verwerkingslog";
    public static final String VERGETEN = "Vergeten";

    /** 404 as a problem; for an operation whose 404 does not follow from a path parameter. */
    public static final String NIET_GEVONDEN = "#/components/responses/NietGevonden";

    private Documentatie() {
    }
}
