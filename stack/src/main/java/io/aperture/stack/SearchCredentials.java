package io.aperture.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * The one account the embedded OpenSearch node answers (HTTP Basic). Its password is drawn at random when a data
 * folder is first used and kept in it, owner-readable only ({@link AccountsFile}, as the broker's); the node is
 * given only the SHA-256 of the header. The server gets the account as {@code APERTURE_SEARCH_USER} and
 * {@code APERTURE_SEARCH_PASSWORD}, the variables a production cluster's account is configured with.
 */
public record SearchCredentials(String user, String password) {
    static final String USER = "aperture";
    private static final String FILE = "search-account.properties";

    /** The account kept in the folder, drawn now and written if there is none. */
    static SearchCredentials inFolder(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            Properties p = AccountsFile.read(file, List.of(USER),
                    "the account of this embedded stack's OpenSearch node (user = password)");
            return new SearchCredentials(USER, p.getProperty(USER));
        } catch (IOException e) {
            throw new StackException("OpenSearch: cannot read or write its account in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The value of the {@code Authorization} header that carries this account. */
    public String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** What the node keeps: the SHA-256 of {@link #authorization()}, in hex. */
    String authorizationSha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(authorization().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SearchCredentials[" + user + "]"; // never the password
    }
}
