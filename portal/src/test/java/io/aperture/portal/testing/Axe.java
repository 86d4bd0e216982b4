package io.aperture.portal.testing;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * axe-core (Deque, MPL-2.0), the accessibility rules engine, fetched from the npm registry on first use — its tarball
 * pinned by version and by the registry's sha512 integrity — and kept in {@code ~/.cache/aperture/}. Injected into a
 * page through WebDriver (which the page's Content-Security-Policy does not govern), it answers the violations of the
 * page as rendered.
 */
public final class Axe {
    static final String VERSION = "4.14.1";
    private static final String TARBALL = "https://registry.npmjs.org/axe-core/-/axe-core-" + VERSION + ".tgz";
    private static final String INTEGRITY =
            "FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==";
    private static String source;

    private Axe() {
    }

    /** One violation of a rule: its id, impact (minor … critical) and the elements that break it. */
    public record Violation(String id, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return impact + " " + id + " (" + help + ") at " + targets;
        }
    }

    /** The page's violations of serious or critical impact (WCAG 2.x A and AA rules and axe's best practices). */
    public static List<Violation> serious(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(script());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> raw = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      targets: v.nodes.map(n => n.target.join(' '))}))))
                  .catch(e => done([{id: 'axe-failed', impact: 'critical', help: String(e), targets: []}]));
                """);
        List<Violation> out = new ArrayList<>();
        for (Map<String, Object> v : raw) {
            String impact = String.valueOf(v.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) {
                @SuppressWarnings("unchecked") List<String> targets = (List<String>) v.get("targets");
                out.add(new Violation(String.valueOf(v.get("id")), impact, String.valueOf(v.get("help")), targets));
            }
        }
        return out;
    }

    private static synchronized String script() {
        if (source == null) {
            try {
                source = load();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("axe-core " + VERSION + " could not be fetched from " + TARBALL, e);
            }
        }
        return source;
    }

    private static String load() throws IOException, InterruptedException {
        Path cached = Path.of(System.getProperty("user.home"), ".cache", "aperture", "axe-core-" + VERSION + ".min.js");
        if (Files.isRegularFile(cached)) {
            return Files.readString(cached);
        }
        byte[] tgz;
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build()) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(TARBALL)).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IOException("the npm registry answered " + r.statusCode());
            }
            tgz = r.body();
        }
        String digest;
        try {
            digest = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(tgz));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (!digest.equals(INTEGRITY)) {
            throw new IOException("the tarball's sha512 is not the registry's published integrity");
        }
        String js = entry(tgz, "package/axe.min.js");
        Files.createDirectories(cached.getParent());
        Path tmp = Files.createTempFile(cached.getParent(), "axe", ".tmp");
        Files.writeString(tmp, js);
        Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return js;
    }

    private static String entry(byte[] tgz, String name) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(tgz)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IOException(name + " is not in the axe-core tarball");
    }
}
