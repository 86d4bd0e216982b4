package io.aperture.harvester.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A "scan finished" message: the acquisition system (GDA, Bluesky, ...) says a file is complete. The body is UTF-8
 * text, either JSON
 * <pre>{"event": "scan-finished", "path": "/dls/i03/data/2024/cm1234-1/scan_1.nxs"}</pre>
 * ({@code event} may be left out; other fields are ignored, so senders may add their own) or nothing but the absolute
 * path. See docs/harvester.md.
 */
public record ScanFinishedMessage(Path path) {
    public static final String EVENT = "scan-finished";
    static final int MAX_BODY = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why a message cannot be used; it is rejected (the broker dead-letters it) and the listener goes on. */
    public static final class MalformedMessageException extends Exception {
        public MalformedMessageException(String message) {
            super(message);
        }
    }

    public static ScanFinishedMessage parse(byte[] body) throws MalformedMessageException {
        if (body == null || body.length == 0) {
            throw new MalformedMessageException("empty body");
        }
        if (body.length > MAX_BODY) {
            throw new MalformedMessageException("body of " + body.length + " bytes (at most " + MAX_BODY + ")");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedMessageException("body is not UTF-8 text");
        }
        return parse(text);
    }

    public static ScanFinishedMessage parse(String body) throws MalformedMessageException {
        if (body == null || body.isBlank()) {
            throw new MalformedMessageException("empty body");
        }
        String text = body.strip();
        if (text.startsWith("{")) {
            return fromJson(text);
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new MalformedMessageException("plain-text body must be one absolute path, got several lines");
        }
        return new ScanFinishedMessage(absolute(text));
    }

    private static ScanFinishedMessage fromJson(String text) throws MalformedMessageException {
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("body is not valid JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new MalformedMessageException("JSON body must be an object");
        }
        JsonNode event = n.get("event");
        if (event != null && !event.isNull() && !(event.isTextual() && event.asText().equals(EVENT))) {
            throw new MalformedMessageException("\"event\" is " + event + ", expected \"" + EVENT + "\"");
        }
        JsonNode path = n.get("path");
        if (path == null || path.isNull()) {
            throw new MalformedMessageException("JSON body has no \"path\"");
        }
        if (!path.isTextual()) {
            throw new MalformedMessageException("\"path\" must be a string, got " + path.getNodeType().name().toLowerCase());
        }
        return new ScanFinishedMessage(absolute(path.asText()));
    }

    private static Path absolute(String s) throws MalformedMessageException {
        if (s.isEmpty() || s.chars().anyMatch(c -> c < 0x20)) {
            throw new MalformedMessageException("path is empty or holds control characters");
        }
        Path p;
        try {
            p = Path.of(s);
        } catch (InvalidPathException e) {
            throw new MalformedMessageException("not a path: " + e.getMessage());
        }
        if (!p.isAbsolute()) {
            throw new MalformedMessageException("path must be absolute, got \"" + abbreviate(s) + "\"");
        }
        return p.normalize();
    }

    static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
