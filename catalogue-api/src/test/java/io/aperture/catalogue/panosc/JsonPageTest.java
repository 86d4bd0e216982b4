package io.aperture.catalogue.panosc;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A page is written as Jackson writes the same maps and lists: the same bytes, whatever they hold. */
class JsonPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void assertSameAsJackson(List<Map<String, Object>> objects) throws Exception {
        assertThat(JSON.writeValueAsString(new JsonPage(objects))).isEqualTo(JSON.writeValueAsString(objects));
    }

    @Test
    void theValuesAPageHoldsAreWrittenAsJacksonWritesThem() throws Exception {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("pid", "10.5072/ap-1 \"quoted\" \\ \u00e9 \u2028 \u0001 \ud83e\uddea");
        dataset.put("title", null);
        dataset.put("size", Long.MAX_VALUE);
        dataset.put("count", 7);
        dataset.put("score", 0.123456789012345678);
        dataset.put("negativeZero", -0.0);
        dataset.put("notANumber", Double.NaN);
        dataset.put("infinite", Double.NEGATIVE_INFINITY);
        dataset.put("isPublic", true);
        dataset.put("exact", new BigDecimal("1.50"));
        dataset.put("techniques", List.of());
        dataset.put("instrument", Map.of());
        Map<Object, Object> keyedByNumber = new LinkedHashMap<>();
        keyedByNumber.put(12L, "a key that is not text");
        dataset.put("odd", keyedByNumber);
        List<Object> parameters = new ArrayList<>();
        parameters.add(Map.of("name", "sample_temperature", "value", 100.5, "unit", "K"));
        parameters.add(null);
        parameters.add(List.of(1, "two", false));
        dataset.put("parameters", parameters);

        assertSameAsJackson(List.of(dataset, Map.of()));
        assertSameAsJackson(List.of());
    }

    @Test
    void randomPagesAreWrittenAsJacksonWritesThem() throws Exception {
        Random random = new Random(20261206);
        for (int i = 0; i < 300; i++) {
            List<Map<String, Object>> page = new ArrayList<>();
            int size = random.nextInt(6);
            for (int j = 0; j < size; j++) {
                page.add(object(random, 3));
            }
            assertSameAsJackson(page);
        }
    }

    private static Map<String, Object> object(Random random, int depth) {
        Map<String, Object> out = random.nextBoolean() ? new LinkedHashMap<>() : new HashMap<>();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            out.put(text(random), value(random, depth - 1));
        }
        return out;
    }

    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        return switch (kind) {
            case 0 -> null;
            case 1 -> text(random);
            case 2 -> random.nextBoolean();
            case 3 -> random.nextLong();
            case 4 -> random.nextInt();
            case 5 -> random.nextBoolean() ? random.nextDouble() * Math.pow(10, random.nextInt(40) - 20) : (double) random.nextInt(1000);
            case 6 -> BigDecimal.valueOf(random.nextLong(), random.nextInt(10));
            case 7 -> object(random, depth);
            default -> {
                List<Object> list = new ArrayList<>();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    list.add(value(random, depth - 1));
                }
                yield list;
            }
        };
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            s.append((char) (random.nextBoolean() ? 'a' + random.nextInt(26) : random.nextInt(0x3000)));
        }
        return s.toString();
    }
}
