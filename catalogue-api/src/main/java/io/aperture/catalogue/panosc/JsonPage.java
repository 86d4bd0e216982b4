package io.aperture.catalogue.panosc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A page of a PaNOSC list as answered: its objects as maps of plain values (text, numbers, booleans, null) and of the
 * maps and lists attached to them, written as a JSON array. It is written by walking the values with the generator:
 * Jackson's map serializer looks up a serializer for every value's class, and a page with its parameters attached holds
 * thousands of values (issue #12's profile). A value of any other class is written by Jackson as before. The walk does
 * not apply the mapper's inclusion or map-ordering settings (the application sets none: maps keep their order and
 * nulls are written, as the other PaNOSC answers do); such a setting would have to be added here too.
 */
@JsonSerialize(using = JsonPage.Writer.class)
@Schema(type = SchemaType.ARRAY, implementation = Object.class)
public record JsonPage(List<Map<String, Object>> objects) {

    /** Writes the objects as Jackson writes the same maps and lists (JsonPageTest compares the two). */
    public static final class Writer extends StdSerializer<JsonPage> {
        public Writer() {
            super(JsonPage.class);
        }

        @Override
        public void serialize(JsonPage page, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartArray(page, page.objects().size());
            for (Map<String, Object> object : page.objects()) {
                value(object, out, provider);
            }
            out.writeEndArray();
        }

        private static void value(Object v, JsonGenerator out, SerializerProvider provider) throws IOException {
            switch (v) {
                case null -> out.writeNull();
                case String s -> out.writeString(s);
                case Boolean b -> out.writeBoolean(b);
                case Long n -> out.writeNumber(n);
                case Integer n -> out.writeNumber(n);
                case Double n -> out.writeNumber(n);
                case Map<?, ?> m -> {
                    out.writeStartObject(m);
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        if (e.getKey() instanceof String key) {
                            out.writeFieldName(key);
                        } else {
                            provider.findKeySerializer(e.getKey().getClass(), null).serialize(e.getKey(), out, provider);
                        }
                        value(e.getValue(), out, provider);
                    }
                    out.writeEndObject();
                }
                case List<?> l -> {
                    out.writeStartArray(l, l.size());
                    for (Object item : l) {
                        value(item, out, provider);
                    }
                    out.writeEndArray();
                }
                default -> provider.defaultSerializeValue(v, out);
            }
        }
    }
}
