package io.aperture.catalogue.notify;

import java.time.LocalDate;
import java.util.List;

/**
 * Something the proposal's PI and alternate contacts are told by e-mail. Fired inside the transaction that made the
 * change; sent only once it committed.
 */
public record EmbargoNotice(Kind kind, long embargoId, String proposalPid, String proposalCode, String visit, LocalDate end,
                            String detail, List<String> recipients) {

    public enum Kind { WINDOW_OPEN, REQUEST_APPROVED, REQUEST_REJECTED, RELEASED }
}
