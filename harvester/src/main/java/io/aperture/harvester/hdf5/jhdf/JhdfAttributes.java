package io.aperture.harvester.hdf5.jhdf;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import io.aperture.harvester.hdf5.H5Value;
import io.jhdf.api.Attribute;
import io.jhdf.api.Node;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a node's attributes one by one, so one unreadable attribute only loses itself. */
final class JhdfAttributes {
    private static final java.nio.charset.Charset LATIN_1 = java.nio.charset.StandardCharsets.ISO_8859_1;
    /** Attributes larger than this are metadata noise (e.g. embedded images) and are skipped. */
    private static final long MAX_ELEMENTS = 4096;

    private JhdfAttributes() {
    }

    /**
     * jhdf decodes fixed-length strings as ASCII, turning "µm" or "°" into U+FFFD. Such units are common in old files
     * (Latin-1) and newer ones (UTF-8): decode the raw bytes as UTF-8, or as Latin-1 when they are not valid UTF-8.
     */
    private static H5Value redecode(Attribute a, H5Value fallback) {
        if (!(a.getDataType() instanceof io.jhdf.object.datatype.StringData sd)) {
            return fallback;
        }
        java.nio.ByteBuffer buf = a.getBuffer().duplicate();
        int width = sd.getSize();
        List<String> texts = new ArrayList<>();
        byte[] element = new byte[width];
        while (buf.remaining() >= width) {
            buf.get(element);
            int len = 0;
            while (len < width && element[len] != 0) {
                len++;
            }
            texts.add(decode(Arrays.copyOf(element, len)));
        }
        return texts.isEmpty() ? fallback : H5Value.ofText(texts, a.getDimensions());
    }

    static String decode(byte[] bytes) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, LATIN_1);
        }
    }

    static Map<String, H5Value> read(JhdfFile file, Node node, String path) {
        Map<String, Attribute> raw;
        try {
            raw = node.getAttributes();
        } catch (RuntimeException e) {
            file.warn("attributes of " + path + " could not be read: " + Failures.describe(e));
            return Map.of();
        }
        Map<String, H5Value> out = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> e : raw.entrySet()) {
            Attribute a = e.getValue();
            try {
                if (a.isEmpty() || a.getSize() > MAX_ELEMENTS || a.getSizeInBytes() > JhdfDataset.MAX_READ_BYTES) {
                    continue;
                }
                DataTypeCheck.check(a.getDataType(), "datatype");
                H5Value v = JhdfValues.convert(a.getData(), a.getDimensions());
                if (v.isText() && v.texts().stream().anyMatch(t -> t != null && t.indexOf('\uFFFD') >= 0)) {
                    v = redecode(a, v);
                }
                out.put(e.getKey(), v);
            } catch (Exception | StackOverflowError | OutOfMemoryError ex) {
                file.warn("attribute " + path + "@" + e.getKey() + " could not be read: " + Failures.describe(ex));
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
