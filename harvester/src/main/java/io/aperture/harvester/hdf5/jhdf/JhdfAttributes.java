package io.aperture.harvester.hdf5.jhdf;

import io.aperture.harvester.hdf5.H5Value;
import io.jhdf.api.Attribute;
import io.jhdf.api.Node;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a node's attributes one by one, so one unreadable attribute only loses itself. */
final class JhdfAttributes {
    /** Attributes larger than this are metadata noise (e.g. embedded images) and are skipped. */
    private static final long MAX_ELEMENTS = 4096;

    private JhdfAttributes() {
    }

    static Map<String, H5Value> read(JhdfFile file, Node node, String path) {
        Map<String, Attribute> raw;
        try {
            raw = node.getAttributes();
        } catch (RuntimeException e) {
            file.warn("attributes of " + path + " could not be read: " + e.getMessage());
            return Map.of();
        }
        Map<String, H5Value> out = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> e : raw.entrySet()) {
            Attribute a = e.getValue();
            try {
                if (a.isEmpty() || a.getSize() > MAX_ELEMENTS) {
                    continue;
                }
                out.put(e.getKey(), JhdfValues.convert(a.getData(), a.getDimensions()));
            } catch (Exception ex) {
                file.warn("attribute " + path + "@" + e.getKey() + " could not be read: " + ex.getMessage());
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
