package io.aperture.catalogue.input;

/** ORCID iDs: format and ISO 7064 MOD 11-2 check digit, as ORCID specifies them. */
public final class Orcid {
    private Orcid() {
    }

    /**
     * Returns the bare iD (0000-0002-1825-0097) for a bare iD or an orcid.org URL, or throws when the format or the
     * check digit is wrong.
     */
    public static String normalise(String value) {
        String v = value.strip();
        for (String prefix : new String[]{"https://orcid.org/", "http://orcid.org/", "orcid.org/"}) {
            if (v.startsWith(prefix)) {
                v = v.substring(prefix.length());
            }
        }
        if (!v.matches("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]")) {
            throw new IllegalArgumentException("'" + value + "' is not an ORCID iD (expected 0000-0000-0000-000X)");
        }
        String digits = v.replace("-", "");
        int total = 0;
        for (int i = 0; i < 15; i++) {
            total = (total + (digits.charAt(i) - '0')) * 2;
        }
        int check = (12 - total % 11) % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        if (digits.charAt(15) != expected) {
            throw new IllegalArgumentException("'" + value + "' has a wrong ORCID check digit");
        }
        return v;
    }
}
