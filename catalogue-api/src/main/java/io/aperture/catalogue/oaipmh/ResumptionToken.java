package io.aperture.catalogue.oaipmh;

import io.aperture.catalogue.input.InstantRange;
import io.aperture.catalogue.oaipmh.OaiException.Code;
import io.aperture.catalogue.tokens.TokenSignature;

import java.time.Instant;
import java.util.Optional;

/**
 * A stateless resumption token: the list's arguments plus the position after the last record sent (its datestamp
 * and pid — a keyset, so records added or changed meanwhile neither shift nor repeat the rest of the list) and
 * the cursor (records sent before the next page). The pid, not the row id: a signed token is readable, and ids are
 * handed out in order to every dataset, so the gaps between public ones would count the embargoed ones. Signed ({@link TokenSignature}) and opaque to harvesters: an edited
 * token, or one whose dates lie outside {@link InstantRange}, is a {@code badResumptionToken}.
 */
public record ResumptionToken(ListWindow window, int cursor, Instant afterStamp, String afterPid) {
    /** o1 carried the row id; such a token is not accepted (the harvester starts the list again). */
    private static final String VERSION = "o2";
    private static final int FIELDS = 8;
    private static final String SEP = "|";
    /** What its signature is for: a search cursor is not a resumption token. */
    static final String PURPOSE = "oai-resumption";

    public String encode(TokenSignature signature) {
        String raw = String.join(SEP, VERSION, window.format().prefix(), window.set().orElse(""),
                window.from().map(Instant::toString).orElse(""), window.untilExclusive().map(Instant::toString).orElse(""),
                String.valueOf(cursor), afterStamp.toString(), afterPid);
        return signature.sign(PURPOSE, raw);
    }

    public static ResumptionToken decode(String token, TokenSignature signature) {
        String raw = signature.verify(PURPOSE, token).orElseThrow(ResumptionToken::notIssuedHere);
        try {
            String[] f = raw.split("\\|", FIELDS); // the pid is last: whatever it holds stays in it
            if (f.length != FIELDS || !f[0].equals(VERSION)) {
                throw new IllegalArgumentException("wrong shape");
            }
            MetadataFormat format = MetadataFormat.byPrefix(f[1]).orElseThrow();
            ListWindow window = new ListWindow(format, optional(f[2]), optional(f[3]).map(Instant::parse),
                    optional(f[4]).map(Instant::parse));
            int cursor = Integer.parseInt(f[5]);
            String afterPid = f[7];
            if (cursor < 0 || afterPid.isEmpty()) {
                throw new IllegalArgumentException("negative position");
            }
            Instant afterStamp = Instant.parse(f[6]);
            // the exclusive end of a window until 9999-12-31 is the instant just past the range
            boolean inRange = InstantRange.contains(afterStamp) && window.from().map(InstantRange::contains).orElse(true)
                    && window.untilExclusive().map(u -> InstantRange.contains(u.minusNanos(1))).orElse(true);
            if (!inRange) {
                throw new IllegalArgumentException("a date out of range");
            }
            return new ResumptionToken(window, cursor, afterStamp, afterPid);
        } catch (RuntimeException e) {
            throw notIssuedHere();
        }
    }

    private static OaiException notIssuedHere() {
        return new OaiException(Code.badResumptionToken, "the resumptionToken is not one this repository issued");
    }

    private static Optional<String> optional(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
