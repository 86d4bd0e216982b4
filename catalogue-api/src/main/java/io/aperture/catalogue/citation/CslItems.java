package io.aperture.catalogue.citation;

import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLName;
import de.undercouch.citeproc.csl.CSLNameBuilder;
import de.undercouch.citeproc.csl.CSLType;
import io.aperture.catalogue.datacite.DataCiteMetadata;
import io.aperture.catalogue.datacite.DataCiteMetadata.Name;
import io.aperture.catalogue.datacite.DataCiteMetadata.NameType;

/**
 * A dataset's DataCite metadata as one CSL item, the input of every citation format. Built from {@link DataCiteMetadata}
 * (already cut to what the policy lets out), so a citation never says more than the DataCite export.
 */
public final class CslItems {
    /** The CSL item id: one item per document, so a fixed id keeps BibTeX keys free of metadata. */
    static final String ITEM_ID = "dataset";

    private CslItems() {
    }

    /** @param landingPage the dataset's landing page, cited when it has no DOI */
    public static CSLItemData of(DataCiteMetadata m, String landingPage) {
        CSLItemDataBuilder b = new CSLItemDataBuilder()
                .id(ITEM_ID)
                .type(CSLType.DATASET)
                .title(m.title())
                .author(m.creators().stream().map(CslItems::name).toArray(CSLName[]::new))
                .publisher(m.publisher().name())
                .issued(m.publicationYear());
        if (m.identifier().isDoi()) {
            b.DOI(m.identifier().value()).URL(doiUrl(m.identifier().value()));
        } else {
            b.URL(landingPage);
        }
        return b.build();
    }

    public static String doiUrl(String doi) {
        return "https://doi.org/" + doi;
    }

    /** A person with name parts is cited "Family, Given"; anything else (an organisation) as written. */
    static CSLName name(Name n) {
        if (n.nameType() == NameType.Personal && n.familyName().isPresent()) {
            return new CSLNameBuilder().family(n.familyName().get()).given(n.givenName().orElse(null)).build();
        }
        return new CSLNameBuilder().literal(n.name()).build();
    }
}
