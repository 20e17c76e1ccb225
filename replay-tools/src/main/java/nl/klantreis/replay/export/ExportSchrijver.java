package nl.klantreis.replay.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes the rows of one table to a file: CSV (RFC 4180, a header, UTF-8, empty for null), JSON
 * Lines (one object a line, every column present, null for null), or Parquet. Parquet is written
 * by DuckDB from a CSV written first to a temporary file beside the target, with each column's type
 * stated, so the file opens as the same table in DuckDB, pandas and Spark; no Hadoop is involved.
 */
abstract class ExportSchrijver<R> implements AutoCloseable {
    enum Formaat {
        CSV("csv"), JSONL("jsonl"), PARQUET("parquet");

        final String extensie;

        Formaat(String extensie) {
            this.extensie = extensie;
        }
    }

    final List<ExportRijen.Kolom<R>> kolommen;
    private long rijen;

    private ExportSchrijver(List<ExportRijen.Kolom<R>> kolommen) {
        this.kolommen = kolommen;
    }

    static <R> ExportSchrijver<R> naar(Path bestand, Formaat formaat, List<ExportRijen.Kolom<R>> kolommen)
            throws IOException {
        return switch (formaat) {
            case CSV -> new Csv<>(Files.newOutputStream(bestand), kolommen);
            case JSONL -> new Jsonl<>(Files.newOutputStream(bestand), kolommen);
            case PARQUET -> new Parquet<>(bestand, kolommen);
        };
    }

    final void schrijf(R rij) throws IOException {
        schrijfRij(rij);
        rijen++;
    }

    long rijen() {
        return rijen;
    }

    abstract void schrijfRij(R rij) throws IOException;

    @Override
    public abstract void close() throws IOException;

    private static final class Csv<R> extends ExportSchrijver<R> {
        private final Writer uit;

        Csv(OutputStream stroom, List<ExportRijen.Kolom<R>> kolommen) throws IOException {
            super(kolommen);
            this.uit = new BufferedWriter(new OutputStreamWriter(stroom, StandardCharsets.UTF_8), 1 << 16);
            uit.write(kolommen.stream().map(ExportRijen.Kolom::naam).collect(Collectors.joining(",")));
            uit.write("\r\n");
        }

        @Override
        void schrijfRij(R rij) throws IOException {
            for (int i = 0; i < kolommen.size(); i++) {
                if (i > 0) {
                    uit.write(',');
                }
                Object waarde = ExportRijen.alsWaarde(kolommen.get(i).waarde().apply(rij));
                if (waarde != null) {
                    uit.write(veld(waarde.toString()));
                }
            }
            uit.write("\r\n");
        }

        private static String veld(String tekst) {
            if (tekst.isEmpty()) {
                // Quoted, so that an empty text stays apart from null.
                return "\"\"";
            }
            boolean quoten = false;
            for (int i = 0; i < tekst.length() && !quoten; i++) {
                char c = tekst.charAt(i);
                quoten = c == ',' || c == '"' || c == '\n' || c == '\r';
            }
            return quoten ? '"' + tekst.replace("\"", "\"\"") + '"' : tekst;
        }

        @Override
        public void close() throws IOException {
            uit.close();
        }
    }

    private static final class Jsonl<R> extends ExportSchrijver<R> {
        private final JsonGenerator json;

        Jsonl(OutputStream stroom, List<ExportRijen.Kolom<R>> kolommen) throws IOException {
            super(kolommen);
            this.json = new JsonFactory().createGenerator(stroom, JsonEncoding.UTF8);
            json.setRootValueSeparator(null);
        }

        @Override
        void schrijfRij(R rij) throws IOException {
            json.writeStartObject();
            for (ExportRijen.Kolom<R> kolom : kolommen) {
                Object waarde = ExportRijen.alsWaarde(kolom.waarde().apply(rij));
                json.writeFieldName(kolom.naam());
                if (waarde == null) {
                    json.writeNull();
                } else if (waarde instanceof Integer getal) {
                    json.writeNumber(getal);
                } else if (waarde instanceof Long getal) {
                    json.writeNumber(getal);
                } else if (waarde instanceof Boolean waar) {
                    json.writeBoolean(waar);
                } else {
                    json.writeString(waarde.toString());
                }
            }
            json.writeEndObject();
            json.writeRaw('\n');
        }

        @Override
        public void close() throws IOException {
            json.close();
        }
    }

    private static final class Parquet<R> extends ExportSchrijver<R> {
        private final Path doel;
        private final Path tijdelijk;
        private final Csv<R> csv;

        Parquet(Path doel, List<ExportRijen.Kolom<R>> kolommen) throws IOException {
            super(kolommen);
            this.doel = doel.toAbsolutePath();
            this.tijdelijk = Files.createTempFile(this.doel.getParent(), "." + doel.getFileName() + ".", ".csv");
            this.csv = new Csv<>(Files.newOutputStream(tijdelijk), kolommen);
        }

        @Override
        void schrijfRij(R rij) throws IOException {
            csv.schrijfRij(rij);
        }

        @Override
        public void close() throws IOException {
            try {
                csv.close();
                naarParquet(tijdelijk, doel, kolommen);
            } finally {
                Files.deleteIfExists(tijdelijk);
            }
        }
    }

    /** DuckDB reads the CSV with the columns' own types and writes it as one Parquet file. */
    static <R> void naarParquet(Path csv, Path parquet, List<ExportRijen.Kolom<R>> kolommen) throws IOException {
        String typen = kolommen.stream().map(k -> tekst(k.naam()) + ": " + tekst(k.type()))
                .collect(Collectors.joining(", "));
        String namen = kolommen.stream().map(k -> '"' + k.naam() + '"').collect(Collectors.joining(", "));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckdb.createStatement()) {
            sql.execute("SET TimeZone = 'UTC'");
            sql.execute("COPY (SELECT " + namen + " FROM read_csv(" + tekst(csv.toString())
                    + ", header = true, delim = ',', quote = '\"', escape = '\"', columns = {" + typen + "})) TO "
                    + tekst(parquet.toString()) + " (FORMAT PARQUET, COMPRESSION ZSTD)");
        } catch (SQLException e) {
            throw new IOException("Parquet schrijven naar " + parquet + " mislukt: " + e.getMessage(), e);
        }
    }

    private static String tekst(String waarde) {
        return "'" + waarde.replace("'", "''") + "'";
    }
}
