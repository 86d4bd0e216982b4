package io.aperture.catalogue.oaipmh;

import io.aperture.catalogue.input.InvalidInputException;
import io.aperture.catalogue.input.UrlEncodedForm;
import io.aperture.catalogue.oaipmh.OaiException.Code;

import java.util.List;
import java.util.Map;

/**
 * The parameters of an OAI-PMH request from its raw query string or form body
 * ({@code application/x-www-form-urlencoded}), decoded here so that malformed encoding ({@code %zz}) is a protocol
 * error ({@code badArgument}) rather than a failure of the framework's decoder.
 */
final class OaiForm {
    private OaiForm() {
    }

    static Map<String, List<String>> parse(String encoded) {
        try {
            return UrlEncodedForm.parse(encoded).parameters();
        } catch (InvalidInputException e) {
            throw new OaiException(Code.badArgument, "the request " + UrlEncodedForm.MALFORMED);
        }
    }
}
