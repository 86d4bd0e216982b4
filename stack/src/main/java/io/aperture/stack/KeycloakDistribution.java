package io.aperture.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Keycloak Quarkus distribution, unpacked once into {@code <dir>/keycloak-<version>}. The zip normally comes from
 * the local Maven repository (the build resolves it); if it is gone, it is downloaded from Maven Central and checked
 * against Central's SHA-1.
 */
final class KeycloakDistribution {
    static final String CENTRAL = "https://repo.maven.apache.org/maven2/org/keycloak/keycloak-quarkus-dist/";

    private final Path dir;
    private final Path buildZip;
    private final String version;

    KeycloakDistribution(Path dir, Path buildZip, String version) {
        this.dir = dir;
        this.buildZip = buildZip;
        this.version = version;
    }

    /** The unpacked home folder (with bin/kc.sh), unpacking or downloading first when needed. */
    Path home() {
        Path home = dir.resolve("keycloak-" + version);
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path zip = Files.isRegularFile(buildZip) ? buildZip : download();
        Path tmp = dir.resolve("keycloak-" + version + ".unpacking");
        try {
            deleteTree(tmp);
            Files.createDirectories(tmp);
            unzip(zip, tmp);
            Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
            return home;
        } catch (IOException e) {
            throw new StackException("Keycloak: unpacking " + zip + " into " + dir + " failed: " + e.getMessage(), e);
        }
    }

    private Path download() {
        String name = "keycloak-quarkus-dist-" + version + ".zip";
        String url = CENTRAL + version + "/" + name;
        Path target = dir.resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build();
        Path part = dir.resolve(name + ".part");
        try {
            Files.createDirectories(dir);
            String expected = http.send(HttpRequest.newBuilder(URI.create(url + ".sha1")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().strip().split("\\s+")[0];
            HttpResponse<Path> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofFile(part));
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode());
            }
            String actual = sha1(part);
            if (!actual.equalsIgnoreCase(expected)) {
                throw new IOException("checksum mismatch (SHA-1 " + actual + ", Central says " + expected + ")");
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new StackException("Keycloak: the distribution is not in the local Maven repository (" + buildZip
                    + ") and downloading " + url + " failed: " + e.getMessage()
                    + "; check the network or run ./mvnw install -pl stack", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Keycloak: download interrupted", e);
        }
    }

    private static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unpacks the zip without its single top folder ({@code keycloak-<version>/}). */
    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                String name = e.getName().substring(e.getName().indexOf('/') + 1);
                if (name.isEmpty()) {
                    continue;
                }
                Path target = into.resolve(name).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the target folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(z, target, StandardCopyOption.REPLACE_EXISTING);
                    if (name.startsWith("bin/") && name.endsWith(".sh")) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
