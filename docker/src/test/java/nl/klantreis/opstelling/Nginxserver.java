package nl.klantreis.opstelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * Debian's nginx with {@code docker/nginx/klantreis.conf} as the compose file's proxy runs it, only
 * with the upstream pointed at these nodes and listening on 127.0.0.1 on a free port; pid, logs and
 * buffers in a temporary folder of its own.
 */
final class Nginxserver implements AutoCloseable {
    static final Path NGINX = Path.of(System.getProperty("klantreis.nginx", "/usr/sbin/nginx"));
    static final Path CONFIGURATIE = Path.of("nginx", "klantreis.conf");

    private final Hulpproces proces;

    private Nginxserver(Hulpproces proces) {
        this.proces = proces;
    }

    static Nginxserver start(List<Knooppunt> knooppunten) {
        int poort = Poorten.vrij();
        Path map;
        try {
            map = Files.createTempDirectory("klantreis-nginx-");
            String site = Files.readString(CONFIGURATIE);
            String servers = knooppunten.stream()
                    .map(k -> "    server 127.0.0.1:" + k.poort() + " max_fails=1 fail_timeout=10s;")
                    .collect(Collectors.joining("\n"));
            String zonder = site.replaceAll("(?m)^\\s*server\\s+engine-[\\w.-]+:\\d+[^;]*;\\n", "");
            String aangepast = zonder.replaceFirst("upstream klantreis \\{\\n",
                    Matcher.quoteReplacement("upstream klantreis {\n" + servers + "\n"))
                    .replaceFirst("listen 8080;", "listen 127.0.0.1:" + poort + ";");
            if (aangepast.equals(zonder) || !aangepast.contains("127.0.0.1:" + poort + ";")) {
                throw new IllegalStateException(CONFIGURATIE + " heeft geen upstream klantreis of listen 8080 meer");
            }
            Path tijdelijk = map.resolve("tijdelijk");
            Files.createDirectories(tijdelijk);
            // As root nginx would hand its workers to nobody, who cannot write into this folder.
            String gebruiker = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
            Files.writeString(map.resolve("nginx.conf"), gebruiker + """
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events {}
                    http {
                        access_log off;
                        client_body_temp_path %2$s/body;
                        proxy_temp_path %2$s/proxy;
                        fastcgi_temp_path %2$s/fastcgi;
                        uwsgi_temp_path %2$s/uwsgi;
                        scgi_temp_path %2$s/scgi;
                    %3$s
                    }
                    """.formatted(map, tijdelijk, aangepast));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Nginxserver(Hulpproces.start("nginx", map, poort, List.of(NGINX.toString(), "-p", map.toString(),
                "-e", map.resolve("error.log").toString(), "-c", map.resolve("nginx.conf").toString(),
                "-g", "daemon off;"), List.of("uitvoer.log", "error.log"), Duration.ofSeconds(30),
                dienst -> luistert(dienst.poort())));
    }

    private static boolean luistert(int poort) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", poort), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    URI adres(String pad) {
        return URI.create("http://127.0.0.1:" + proces.poort() + pad);
    }

    String logboek() {
        return proces.logboek();
    }

    @Override
    public void close() {
        proces.close();
    }
}
