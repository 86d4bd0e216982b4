package io.aperture.catalogue.doi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.datacite.CollectionMapper;
import io.aperture.catalogue.datacite.DataCiteMapper;
import io.aperture.catalogue.datacite.DataCiteMetadata;
import io.aperture.catalogue.datacite.DataCiteXml;
import io.aperture.catalogue.links.PublicUrls;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.model.DoiCollection;
import io.aperture.policy.access.AccessDecision;
import io.aperture.policy.access.ExportDetail;
import io.aperture.policy.access.Visibility;
import io.aperture.policy.doi.DoiTarget;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON:API document of one DataCite call: {@code {"data": {"type": "dois", "id": doi, "attributes": {"doi",
 * "event", "url", "xml"}}}}. The metadata is the existing DataCite XML export ({@link DataCiteMapper},
 * {@link DataCiteXml}) in base64, and how much of the record it carries is the policy's answer for the anonymous
 * public ({@code AccessPolicy.exportDetail}, through {@link AccessControl}): the full record once released, the
 * minimal DOI-landing set while a registered DOI's record is embargoed. DataCite metadata is public, so nothing is
 * sent that the public could not read on the DOI's landing page.
 */
@ApplicationScoped
class DoiPayload {
    private final DataCiteMapper mapper;
    private final CollectionMapper collections;
    private final PublicUrls urls;
    private final ObjectMapper json;

    DoiPayload(DataCiteMapper mapper, CollectionMapper collections, PublicUrls urls, ObjectMapper json) {
        this.mapper = mapper;
        this.collections = collections;
        this.urls = urls;
        this.json = json;
    }

    /**
     * The document for {@code target}, with {@code access} answering for the public; empty when the target needs
     * metadata the policy does not let out (the record changed since the row was queued: a later row follows).
     */
    Optional<String> document(Dataset d, DoiTarget target, AccessControl access) {
        Map<String, Object> attributes = attributes(d.doi, target);
        if (target.sendsMetadata()) {
            AccessDecision decision = access.decideForPublic(d);
            Optional<ExportDetail> detail = access.exportDetail(decision, d);
            if (detail.isEmpty()) {
                return Optional.empty();
            }
            URI base = urls.base();
            DataCiteMetadata m = mapper.map(d, detail.get(), base,
                    other -> access.decideForPublic(other).visibility() != Visibility.NONE);
            attributes.put("url", DataCiteMapper.landingPage(base, d));
            attributes.put("xml", xml(m));
        }
        return Optional.of(envelope(d.doi, attributes));
    }

    /**
     * The document for a collection's {@code target}: its parts are the members whose metadata the public may read
     * in full (the policy's {@code CollectionDoi.lists}); it resolves to its page at {@code /doi/{doi}}.
     */
    String document(DoiCollection c, DoiTarget target, AccessControl access) {
        Map<String, Object> attributes = attributes(c.doi, target);
        if (target.sendsMetadata()) {
            URI base = urls.base();
            attributes.put("url", PublicUrls.doi(base, c.doi));
            attributes.put("xml", xml(collections.map(c, CollectionMapper.listed(c, access), base)));
        }
        return envelope(c.doi, attributes);
    }

    private static Map<String, Object> attributes(String doi, DoiTarget target) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("doi", doi);
        if (target.event() != DoiTarget.Event.NONE) {
            attributes.put("event", target.event().name().toLowerCase(Locale.ROOT));
        }
        return attributes;
    }

    private static String xml(DataCiteMetadata m) {
        return Base64.getEncoder().encodeToString(DataCiteXml.document(m).getBytes(StandardCharsets.UTF_8));
    }

    private String envelope(String doi, Map<String, Object> attributes) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "dois");
        data.put("id", doi);
        data.put("attributes", attributes);
        try {
            return json.writeValueAsString(Map.of("data", data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("DOI payload not serialisable", e);
        }
    }
}
