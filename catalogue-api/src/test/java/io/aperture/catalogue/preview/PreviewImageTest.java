package io.aperture.catalogue.preview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.record.HarvestRecord;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreviewImageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static ObjectNode record(Object preview) {
        ObjectNode r = JSON.createObjectNode().put("title", "t");
        if (preview instanceof byte[] bytes) {
            r.put("preview", Base64.getEncoder().encodeToString(bytes));
        } else if (preview instanceof String text) {
            r.put("preview", text);
        } else if (preview instanceof Integer number) {
            r.put("preview", number);
        }
        return r;
    }

    private static byte[] png(int size) {
        byte[] b = new byte[size];
        System.arraycopy(SIGNATURE, 0, b, 0, SIGNATURE.length);
        return b;
    }

    @Test
    void absentOrNullIsNoPreview() {
        assertThat(PreviewImage.of(record(null))).isEmpty();
        assertThat(PreviewImage.of(JSON.createObjectNode().putNull("preview"))).isEmpty();
    }

    @Test
    void aPngUpToTheBoundIsKeptByteForByte() {
        byte[] largest = png(HarvestRecord.MAX_PREVIEW_BYTES);
        largest[largest.length - 1] = 7;
        assertThat(PreviewImage.of(record(largest)).orElseThrow().png()).isEqualTo(largest);
    }

    @Test
    void oneByteMoreIsTooLarge() {
        assertThatThrownBy(() -> PreviewImage.of(record(png(HarvestRecord.MAX_PREVIEW_BYTES + 1))))
                .isInstanceOf(PreviewImage.Refused.class).hasMessageContaining("larger than 262144 bytes");
    }

    @Test
    void aHugeTextIsRefusedWithoutDecoding() {
        char[] text = new char[HarvestRecord.MAX_PREVIEW_BYTES * 2];
        Arrays.fill(text, '!');
        assertThatThrownBy(() -> PreviewImage.of(record(new String(text))))
                .isInstanceOf(PreviewImage.Refused.class).hasMessageContaining("larger than 262144 bytes");
    }

    @Test
    void notBase64NotAPngOrNotTextIsRefusedSayingWhich() {
        Object[] bad = {"%%%", "not an image".getBytes(), Arrays.copyOf(SIGNATURE, 7), 5};
        String[] why = {"not base64", "not a PNG", "not a PNG", "must be a base64 PNG"};
        for (int i = 0; i < bad.length; i++) {
            Object b = bad[i];
            assertThatThrownBy(() -> PreviewImage.of(record(b)))
                    .isInstanceOf(PreviewImage.Refused.class).hasMessageContaining(why[i]);
        }
    }
}
