package io.aperture.catalogue.oaipmh;

/** An OAI-PMH error condition (protocol section 3.6), answered as {@code <error code="...">} with HTTP 200. */
public class OaiException extends RuntimeException {
    /** The error codes of OAI-PMH 2.0; the constant names are the codes. */
    public enum Code { badArgument, badResumptionToken, badVerb, cannotDisseminateFormat, idDoesNotExist, noRecordsMatch, noMetadataFormats, noSetHierarchy }

    private final Code code;

    public OaiException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    /** Whether the response must echo only the base URL, without the request's arguments (section 3.2). */
    public boolean hidesArguments() {
        return code == Code.badVerb || code == Code.badArgument;
    }
}
