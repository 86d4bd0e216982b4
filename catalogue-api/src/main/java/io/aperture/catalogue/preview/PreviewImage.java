package io.aperture.catalogue.preview;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.record.HarvestRecord;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/** A record's preview, checked: a PNG (by its signature) of at most {@link HarvestRecord#MAX_PREVIEW_BYTES}. */
public record PreviewImage(byte[] png) {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** Why a record's preview is refused (too large, or not a base64 PNG): the record is rejected, naming it. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The preview field of a record as sent: empty when absent or null. */
    public static Optional<PreviewImage> of(JsonNode record) {
        JsonNode field = record.path("preview");
        if (field.isMissingNode() || field.isNull()) {
            return Optional.empty();
        }
        if (!field.isTextual()) {
            throw new Refused("preview must be a base64 PNG");
        }
        // base64 grows 4/3: a text this long cannot decode to an acceptable size, so it is not decoded at all
        if (field.textValue().length() > (HarvestRecord.MAX_PREVIEW_BYTES + 2) / 3 * 4) {
            throw new Refused("preview is larger than " + HarvestRecord.MAX_PREVIEW_BYTES + " bytes");
        }
        byte[] png;
        try {
            png = Base64.getDecoder().decode(field.textValue());
        } catch (IllegalArgumentException e) {
            throw new Refused("preview is not base64: " + e.getMessage());
        }
        if (png.length > HarvestRecord.MAX_PREVIEW_BYTES) {
            throw new Refused("preview is larger than " + HarvestRecord.MAX_PREVIEW_BYTES + " bytes");
        }
        if (png.length < SIGNATURE.length || !Arrays.equals(png, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new Refused("preview is not a PNG image");
        }
        return Optional.of(new PreviewImage(png));
    }
}
