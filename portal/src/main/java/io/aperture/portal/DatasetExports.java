package io.aperture.portal;

import de.undercouch.citeproc.csl.CSLItemData;
import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.citation.Bibtex;
import io.aperture.catalogue.citation.CitationStyle;
import io.aperture.catalogue.citation.Citations;
import io.aperture.catalogue.citation.CslItems;
import io.aperture.catalogue.citation.Ris;
import io.aperture.catalogue.datacite.DataCiteJson;
import io.aperture.catalogue.datacite.DataCiteMapper;
import io.aperture.catalogue.datacite.DataCiteMetadata;
import io.aperture.catalogue.datacite.DataCiteXml;
import io.aperture.catalogue.links.PublicUrls;
import io.aperture.catalogue.model.Dataset;
import io.aperture.policy.access.ExportDetail;
import io.aperture.policy.access.Visibility;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;

/**
 * The machine-readable forms of a landing page other than JSON-LD, from the dataset's DataCite metadata as the
 * policy's export detail allows it (so the minimal DOI landing set under embargo, everything once released).
 */
@ApplicationScoped
public class DatasetExports {
    private final DataCiteMapper mapper;
    private final AccessControl access;

    DatasetExports(DataCiteMapper mapper, AccessControl access) {
        this.mapper = mapper;
        this.access = access;
    }

    /** A body of {@code r} (not HTML, not JSON-LD), as text or as a value Jackson writes. */
    public Object body(Dataset d, ExportDetail detail, URI publicBase, Representation r, CitationStyle style) {
        DataCiteMetadata m = mapper.map(d, detail, publicBase,
                other -> access.decide(other).visibility() != Visibility.NONE);
        CSLItemData item = CslItems.of(m, PublicUrls.dataset(publicBase, d.pid));
        return switch (r) {
            case DATACITE_XML -> DataCiteXml.document(m);
            case DATACITE_JSON -> DataCiteJson.attributes(m);
            case CSL_JSON -> Citations.cslJson(item);
            case BIBTEX -> Bibtex.of(item);
            case RIS -> Ris.of(item);
            case CITATION -> Citations.reference(item, style, "text") + "\n";
            case HTML, JSON_LD -> throw new IllegalArgumentException("not an export: " + r);
        };
    }
}
