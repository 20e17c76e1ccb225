package nl.klantreis.api.ingestie;

/**
 * An accepted message, read into the fields of its type. {@code source}, {@code id} and
 * {@code type} are the CloudEvent's; ({@code source}, {@code id}) is the idempotency key.
 */
public sealed interface Bericht permits KlantcontactBericht, ZaakGeregistreerdBericht, StatusGezetBericht,
        ZaakOpgeschortBericht, ZaakHervatBericht, ZaakVerlengdBericht, ZaakAfgeslotenBericht, KanaalvoorkeurBericht {
    String source();

    String id();

    String type();
}
