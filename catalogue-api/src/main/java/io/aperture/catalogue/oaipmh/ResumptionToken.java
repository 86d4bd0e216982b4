package io.aperture.catalogue.oaipmh;

import io.aperture.catalogue.oaipmh.OaiException.Code;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A stateless resumption token: the list's arguments plus the position after the last record sent (its datestamp
 * and row id — a keyset, so records added or changed meanwhile neither shift nor repeat the rest of the list) and
 * the cursor (records sent before the next page). Encoded as URL-safe base64; opaque to harvesters.
 */
public record ResumptionToken(ListWindow window, int cursor, Instant afterStamp, long afterId) {
    private static final String VERSION = "o1";
    private static final String SEP = "|";

    public String encode() {
        String raw = String.join(SEP, VERSION, window.format().prefix(), window.set().orElse(""),
                window.from().map(Instant::toString).orElse(""), window.untilExclusive().map(Instant::toString).orElse(""),
                String.valueOf(cursor), afterStamp.toString(), String.valueOf(afterId));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static ResumptionToken decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] f = raw.split("\\|", -1);
            if (f.length != 8 || !f[0].equals(VERSION)) {
                throw new IllegalArgumentException("wrong shape");
            }
            MetadataFormat format = MetadataFormat.byPrefix(f[1]).orElseThrow();
            ListWindow window = new ListWindow(format, optional(f[2]), optional(f[3]).map(Instant::parse),
                    optional(f[4]).map(Instant::parse));
            int cursor = Integer.parseInt(f[5]);
            long afterId = Long.parseLong(f[7]);
            if (cursor < 0 || afterId < 0) {
                throw new IllegalArgumentException("negative position");
            }
            return new ResumptionToken(window, cursor, Instant.parse(f[6]), afterId);
        } catch (RuntimeException e) {
            throw new OaiException(Code.badResumptionToken, "the resumptionToken is not one this repository issued");
        }
    }

    private static Optional<String> optional(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
