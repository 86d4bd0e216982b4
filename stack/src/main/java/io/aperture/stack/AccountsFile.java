package io.aperture.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Properties;

/**
 * The passwords of an embedded service's accounts, kept in its data folder (user = password, owner-readable only):
 * drawn at random when the folder is first used, so that no password of a running service is written in this
 * repository, and read again on every later start.
 */
final class AccountsFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccountsFile() {
    }

    /** The accounts in {@code file}; any of {@code users} missing there is drawn now and the file rewritten. */
    static Properties read(Path file, Collection<String> users, String comment) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        if (!users.stream().allMatch(p::containsKey)) {
            users.forEach(u -> p.computeIfAbsent(u, k -> password()));
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, comment);
            }
        }
        return p;
    }

    private static String password() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
