package nl.klantreis.api.paginas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every template keeps to the Content-Security-Policy and to CSRF before a browser ever sees it: no
 * inline script (a script has a src), no style element or attribute, no on* handler, no
 * javascript: address, and every form that posts writes the CSRF field ({@code laag :: csrf}).
 * The browser would refuse the first four silently; this fails the build instead.
 */
class SjablonenTest {
    private static final Path SJABLONEN = Path.of("src/main/resources/templates");
    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERBODEN = Pattern.compile(
            "<style\\b|\\s(th:)?style\\s*=|\\s(th:)?on[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORMULIER = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    @Test
    void geenInlineScriptOfStijlEnCsrfInElkFormulier() throws IOException {
        List<Path> sjablonen;
        try (Stream<Path> bestanden = Files.walk(SJABLONEN)) {
            sjablonen = bestanden.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(sjablonen).isNotEmpty();
        List<String> fouten = new ArrayList<>();
        for (Path sjabloon : sjablonen) {
            fouten.addAll(fouten(sjabloon.toString(), Files.readString(sjabloon)));
        }
        assertThat(fouten).isEmpty();
    }

    @Test
    void deControleVindtWatHijMoetVinden() {
        assertThat(fouten("x", "<script>alert(1)</script>")).hasSize(1);
        assertThat(fouten("x", "<script type=\"module\" src=\"/js/a.js\"></script>")).isEmpty();
        assertThat(fouten("x", "<p style=\"color:red\">")).hasSize(1);
        assertThat(fouten("x", "<p th:style=\"${x}\">")).hasSize(1);
        assertThat(fouten("x", "<button onclick=\"x()\">")).hasSize(1);
        assertThat(fouten("x", "<form method=\"post\" action=\"/a\"><button>x</button></form>")).hasSize(1);
        assertThat(fouten("x", "<form method=\"post\" action=\"/a\">"
                + "<th:block th:replace=\"~{paginas/laag :: csrf}\"></th:block></form>")).isEmpty();
        assertThat(fouten("x", "<form method=\"get\" action=\"/a\"></form>")).isEmpty();
    }

    static List<String> fouten(String naam, String html) {
        String zonderCommentaar = html.replaceAll("(?s)<!--.*?-->", "");
        List<String> fouten = new ArrayList<>();
        Matcher script = SCRIPT.matcher(zonderCommentaar);
        while (script.find()) {
            if (!script.group(1).matches("(?s).*\\b(th:)?src\\s*=.*")) {
                fouten.add(naam + ": inline <script>");
            }
        }
        Matcher verboden = VERBODEN.matcher(zonderCommentaar);
        while (verboden.find()) {
            fouten.add(naam + ": " + verboden.group().strip());
        }
        Matcher formulier = FORMULIER.matcher(zonderCommentaar);
        while (formulier.find()) {
            if (formulier.group(1).toLowerCase().contains("post") && !formulier.group(2).contains("laag :: csrf")) {
                fouten.add(naam + ": formulier zonder laag :: csrf");
            }
        }
        return fouten;
    }
}
