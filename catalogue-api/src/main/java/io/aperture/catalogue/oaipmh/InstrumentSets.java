package io.aperture.catalogue.oaipmh;

import io.aperture.catalogue.model.Instrument;

import java.util.Locale;

/**
 * OAI sets: {@code instrument} holds every record measured on a known instrument, and {@code instrument:<name>}
 * (e.g. {@code instrument:i03}) the records of one instrument, named by its short name when it has one.
 */
public final class InstrumentSets {
    public static final String ROOT = "instrument";

    private InstrumentSets() {
    }

    public static String specOf(Instrument i) {
        String name = i.shortName != null && !i.shortName.isBlank() ? i.shortName : i.name;
        // setSpec characters are the URI "unreserved" set (OAI-PMH.xsd setSpecType)
        return ROOT + ":" + name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9\\-_.!~*'()]+", "-");
    }

    public static String nameOf(Instrument i) {
        return i.shortName != null && !i.shortName.isBlank() && !i.shortName.equals(i.name)
                ? i.name + " (" + i.shortName + ")" : i.name;
    }
}
