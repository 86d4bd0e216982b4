package io.aperture.catalogue.links;

import io.aperture.catalogue.facility.FacilityConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The public download address of a catalogued file, from {@code aperture.facility.file-url}: the facility's file
 * service, since Aperture serves no files. Empty when none is configured. Whether a file may be linked at all is the
 * caller's question to the policy (only released datasets' files are).
 */
@ApplicationScoped
public class FileUrls {
    private final Optional<String> template;

    public FileUrls(FacilityConfig facility) {
        this.template = facility.fileUrl().filter(t -> !t.isBlank());
    }

    public Optional<String> of(String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        return template.map(t -> t.replace("{path}", encode(path)));
    }

    /** Each segment percent-encoded (a space as %20, not '+'), the slashes kept. */
    static String encode(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return Arrays.stream(p.split("/", -1))
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }
}
