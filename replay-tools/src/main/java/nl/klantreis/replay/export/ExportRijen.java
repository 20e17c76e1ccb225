package nl.klantreis.replay.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.projecties.klantreis.Klantdossier;
import nl.klantreis.projecties.klantreis.Klantreis;

/**
 * The two tables of {@code export klantreizen}: one row per klantreis, one per step. Only
 * pseudonyms and codes: the klantId is the engine's keyed pseudonym, the other ids are the
 * engine's own; no BSN, KVK number, name, contact text or employee leaves through here.
 */
final class ExportRijen {
    private ExportRijen() {
    }

    /** A column: its name, its DuckDB type in the Parquet file, and how to get it from a row. */
    record Kolom<R>(String naam, String type, Function<R, Object> waarde) {
    }

    /** One klantreis as it stood at the peilmoment, with what the dossier adds (soort, zaaktype). */
    record Reisrij(Klantreis reis, String soort, String zaaktype, String thema) {
    }

    /** One step of a klantreis, numbered from 1 in step order. */
    record Staprij(String klantreisId, int volgnummer, Klantreis.Stap stap) {
    }

    static final List<Kolom<Reisrij>> KLANTREIZEN = List.of(
            new Kolom<>("klantreisId", "VARCHAR", r -> r.reis().klantreisId()),
            new Kolom<>("klantId", "VARCHAR", r -> r.reis().klantId()),
            new Kolom<>("soort", "VARCHAR", Reisrij::soort),
            new Kolom<>("thema", "VARCHAR", Reisrij::thema),
            new Kolom<>("zaakId", "VARCHAR", r -> r.reis().thema().zaakId()),
            new Kolom<>("zaaktype", "VARCHAR", Reisrij::zaaktype),
            new Kolom<>("onderwerp", "VARCHAR", r -> r.reis().thema().onderwerp()),
            new Kolom<>("status", "VARCHAR", r -> r.reis().status()),
            new Kolom<>("gestartOp", "TIMESTAMPTZ", r -> r.reis().gestartOp()),
            new Kolom<>("beeindigdOp", "TIMESTAMPTZ", r -> r.reis().beeindigdOp()),
            new Kolom<>("aantalStappen", "INTEGER", r -> r.reis().stappen().size()),
            new Kolom<>("aantalKlantcontacten", "INTEGER", r -> (int) r.reis().stappen().stream()
                    .filter(s -> Klantreis.Stap.KLANTCONTACT.equals(s.soort())).count()),
            new Kolom<>("aantalKanaalwissels", "INTEGER", r -> r.reis().kanaalwissels().size()),
            new Kolom<>("warmeWissels", "INTEGER", r -> (int) r.reis().kanaalwissels().stream()
                    .filter(Klantreis.Kanaalwissel::warm).count()),
            new Kolom<>("eersteKanaal", "VARCHAR", r -> r.reis().stappen().get(0).kanaal()),
            new Kolom<>("laatsteKanaal", "VARCHAR", r -> r.reis().stappen().get(r.reis().stappen().size() - 1).kanaal()),
            new Kolom<>("kanalen", "VARCHAR", r -> kanalen(r.reis())));

    static final List<Kolom<Staprij>> STAPPEN = List.of(
            new Kolom<>("klantreisId", "VARCHAR", Staprij::klantreisId),
            new Kolom<>("volgnummer", "INTEGER", Staprij::volgnummer),
            new Kolom<>("soort", "VARCHAR", s -> s.stap().soort()),
            new Kolom<>("kanaal", "VARCHAR", s -> s.stap().kanaal()),
            new Kolom<>("op", "TIMESTAMPTZ", s -> s.stap().op()),
            new Kolom<>("klantcontactId", "VARCHAR", s -> s.stap().klantcontactId()),
            new Kolom<>("zaakId", "VARCHAR", s -> s.stap().zaakId()),
            new Kolom<>("resultaat", "VARCHAR", s -> s.stap().resultaat()));

    static Reisrij reisrij(Klantdossier dossier, Klantreis reis) {
        // A klantreis whose KlantreisGestart has not been folded yet has no soort: left empty, not guessed.
        String soort = dossier.reis(KlantreisId.van(reis.klantreisId())).map(Klantdossier.Reis::soort)
                .map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).orElse(null);
        String zaaktype = reis.thema().zaakId() == null ? null
                : dossier.zaak(new ZaakId(UUID.fromString(reis.thema().zaakId()))).map(Klantdossier.Zaak::zaaktype)
                        .orElse(null);
        return new Reisrij(reis, soort, zaaktype, thema(dossier, reis, zaaktype));
    }

    /**
     * What the klantreis is about, as the KPIs split "per zaaktype": the zaaktype of its zaak; without
     * a zaak, or while the zaak is not known, its onderwerp, or else that of its first klantcontact.
     */
    private static String thema(Klantdossier dossier, Klantreis reis, String zaaktype) {
        if (zaaktype != null) {
            return zaaktype;
        }
        if (reis.thema().onderwerp() != null) {
            return reis.thema().onderwerp();
        }
        return reis.stappen().stream().filter(s -> s.klantcontactId() != null).findFirst()
                .flatMap(s -> dossier.contact(KlantcontactId.van(s.klantcontactId())))
                .map(Klantdossier.Contact::onderwerp).orElse(null);
    }

    static List<Staprij> staprijen(Klantreis reis) {
        List<Staprij> rijen = new ArrayList<>(reis.stappen().size());
        for (int i = 0; i < reis.stappen().size(); i++) {
            rijen.add(new Staprij(reis.klantreisId(), i + 1, reis.stappen().get(i)));
        }
        return rijen;
    }

    private static String kanalen(Klantreis reis) {
        Set<String> kanalen = new LinkedHashSet<>();
        reis.stappen().forEach(s -> kanalen.add(s.kanaal()));
        return String.join("|", kanalen);
    }

    /** Instants as RFC 3339 in UTC, the only form csv, jsonl and DuckDB all read the same. */
    static Object alsWaarde(Object waarde) {
        return waarde instanceof Instant moment ? moment.toString() : waarde;
    }
}
