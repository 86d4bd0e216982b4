package io.aperture.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.input.InputText;
import io.aperture.catalogue.model.Dataset;
import io.aperture.policy.access.AccessDecision;
import io.aperture.policy.access.Visibility;
import io.aperture.policy.embargo.EmbargoRules;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Dataset landing pages. What the page shows is the policy's decision: nothing (a 404 identical to an unknown
 * identifier), the minimal DOI landing page, metadata, or metadata and files. Staff reads of embargoed data are
 * audited.
 */
@Path("/datasets/{pid}")
public class DatasetPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dataset(DatasetView d, String jsonLd, String user);

        static native TemplateInstance notFound(String user);
    }

    private final AccessControl access;
    private final EmbargoRules rules;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;

    DatasetPage(AccessControl access, EmbargoRules rules, SecurityIdentity identity, ObjectMapper mapper) {
        this.access = access;
        this.rules = rules;
        this.identity = identity;
        this.mapper = mapper;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public Response page(@PathParam("pid") String pid) throws Exception {
        String user = identity.isAnonymous() ? null : identity.getPrincipal().getName();
        // an identifier no record can have (NUL, too long) is unknown like any other, without asking the database
        Dataset d = InputText.possibleIdentifier(pid) ? Dataset.byPid(pid) : null;
        AccessDecision decision = d == null ? null : access.read(d, "landing-page");
        if (d == null || decision.visibility() == Visibility.NONE) {
            return Response.status(404).entity(Templates.notFound(user)).type(MediaType.TEXT_HTML).build();
        }
        DatasetView view = DatasetView.of(d, decision.visibility(), access.licence(d), rules.day(d.currentEmbargoEnd()));
        Response.ResponseBuilder r = Response.ok(Templates.dataset(view, jsonLd(view), user)).type(MediaType.TEXT_HTML);
        // Signposting (signposting.org): typed links a machine can follow without parsing the page.
        if (view.doi() != null) {
            r.header("Link", "<https://doi.org/" + view.doi() + ">; rel=\"cite-as\"");
        }
        if (view.licenceInForce()) {
            r.header("Link", "<" + view.licenceUrl() + ">; rel=\"license\"");
        }
        r.header("Link", "<https://schema.org/Dataset>; rel=\"type\"");
        return r.build();
    }

    private String jsonLd(DatasetView d) throws Exception {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org/");
        ld.put("@type", "Dataset");
        ld.put("@id", d.doi() != null ? "https://doi.org/" + d.doi() : null);
        ld.put("identifier", d.doi() != null ? "https://doi.org/" + d.doi() : d.pid());
        ld.put("name", d.title());
        ld.put("publisher", Map.of("@type", "Organization", "name", d.facility()));
        ld.put("license", d.licenceUrl().toString());
        ld.put("isAccessibleForFree", d.licenceInForce());
        if (d.embargoed()) {
            ld.put("conditionsOfAccess", "Under embargo until " + d.embargoEnd());
        }
        if (d.showsMetadata()) {
            if (d.year() != null) {
                ld.put("temporalCoverage", d.start() != null && d.end() != null ? d.start() + "/" + d.end() : null);
            }
            ld.put("measurementTechnique", d.techniques().isEmpty() ? null : d.techniques());
            if (d.instrument() != null) {
                ld.put("instrument", Map.of("@type", "Thing", "name", d.instrument()));
            }
            List<Map<String, Object>> vars = d.parameters().stream().limit(50)
                    .map(p -> {
                        Map<String, Object> v = new LinkedHashMap<>();
                        v.put("@type", "PropertyValue");
                        v.put("name", p.name());
                        v.put("value", p.value());
                        if (p.unit() != null) {
                            v.put("unitText", p.unit());
                        }
                        return v;
                    }).toList();
            ld.put("variableMeasured", vars.isEmpty() ? null : vars);
        }
        ld.put("includedInDataCatalog", Map.of("@type", "DataCatalog", "name", "Aperture"));
        ld.values().removeIf(Objects::isNull);
        // </script> inside a value must not end the script element
        return mapper.writeValueAsString(ld).replace("</", "<\\/");
    }
}
