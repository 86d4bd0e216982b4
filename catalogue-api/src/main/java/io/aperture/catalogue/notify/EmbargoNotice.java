package io.aperture.catalogue.notify;

import java.time.Instant;

/**
 * Something the proposal's PI and alternate contacts are told by e-mail. Fired inside the transaction that made the
 * change; sent only once it committed.
 */
public record EmbargoNotice(Kind kind, long embargoId, String proposalPid, String proposalCode, String visit, Instant end,
                            String detail, java.util.List<String> recipients) {

    public enum Kind { WINDOW_OPEN, REQUEST_APPROVED, REQUEST_REJECTED, RELEASED }
}
