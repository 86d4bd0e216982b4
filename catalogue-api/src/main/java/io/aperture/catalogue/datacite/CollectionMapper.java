package io.aperture.catalogue.datacite;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.datacite.DataCiteMetadata.*;
import io.aperture.catalogue.links.PublicUrls;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.model.DoiCollection;
import io.aperture.catalogue.model.Proposal;
import io.aperture.policy.doi.CollectionDoi;
import io.aperture.policy.embargo.EmbargoRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Maps a visit's or proposal's {@link DoiCollection} to DataCite metadata of {@code resourceTypeGeneral}
 * {@code Collection}: the proposal's team as creators, the facility as publisher, {@code HasPart} to each listed
 * dataset (its DOI, else its landing page), {@code IsCitedBy} the proposal's publications, the visit's collection
 * {@code IsPartOf} the proposal's user-office DOI. Which
 * datasets are listed is the caller's question to the policy ({@code CollectionDoi.lists}); nothing is read from
 * the datasets but their identifiers and release days. Must run inside a transaction.
 */
@ApplicationScoped
public class CollectionMapper {
    private final DataCiteMapper datasets;
    private final DataCiteSettings settings;
    private final EmbargoRules rules;
    private final Clock clock;

    CollectionMapper(DataCiteMapper datasets, DataCiteSettings settings, EmbargoRules rules, Clock clock) {
        this.datasets = datasets;
        this.settings = settings;
        this.rules = rules;
        this.clock = clock;
    }

    /** @param listed the members the public may see in full, in id order */
    public DataCiteMetadata map(DoiCollection c, List<Dataset> listed, URI publicBase) {
        Proposal p = c.proposal;
        List<Name> creators = People.userOffice(p);
        if (creators.isEmpty()) {
            creators = List.of(datasets.organisation(p.facility, Optional.empty()));
        }
        // issued when its first listed dataset was released
        Optional<LocalDate> issued = listed.stream().map(d -> rules.day(AccessControl.resource(d).availableFrom()))
                .min(Comparator.naturalOrder());
        List<RelatedIdentifier> related = new ArrayList<>();
        if (c.visit != null) {
            DataCiteMapper.normaliseDoi(p.doi).ifPresent(doi -> related.add(new RelatedIdentifier(doi, "DOI", "IsPartOf")));
        }
        related.addAll(DataCiteMapper.publications(p));
        for (Dataset d : listed) {
            related.add(DataCiteMapper.normaliseDoi(d.doi).map(doi -> new RelatedIdentifier(doi, "DOI", "HasPart"))
                    .orElse(new RelatedIdentifier(PublicUrls.dataset(publicBase, d.pid), "URL", "HasPart")));
        }
        String facility = settings.facilityName(p.facility);
        String abstractText = "The " + listed.size() + (listed.size() == 1 ? " dataset" : " datasets") + " of "
                + (c.visit != null ? "visit " + c.visit.code + " of " : "") + "proposal " + p.code + " at " + facility
                + " published so far.";
        return new DataCiteMetadata(
                new Identifier(DataCiteMapper.normaliseDoi(c.doi).orElse(c.doi), "DOI"),
                List.of(),
                creators,
                title(c),
                new Publisher(facility, datasets.publisherRor(p.facility)),
                issued.orElse(rules.day(clock.instant())).getYear(),
                DataCiteMetadata.COLLECTION,
                c.visit != null ? "Visit" : "Proposal",
                List.of(),
                List.of(datasets.hostingInstitution(p.facility)),
                issued.map(day -> List.of(new DateEntry(day.toString(), "Issued"))).orElse(List.of()),
                List.copyOf(related),
                List.of(listed.size() + (listed.size() == 1 ? " dataset" : " datasets")),
                List.of(),
                datasets.releaseRights(),
                List.of(new Description(abstractText, "Abstract")));
    }

    /** The collection's members the public may read in full (the policy's {@link CollectionDoi#lists}): its parts. */
    public static List<Dataset> listed(DoiCollection c, AccessControl access) {
        return c.members().stream()
                .filter(m -> CollectionDoi.lists(access.exportDetail(access.decideForPublic(m), m)))
                .toList();
    }

    /** "Proposal cm1234: its title", "Visit cm1234-1 of proposal cm1234: its title". */
    public static String title(DoiCollection c) {
        Proposal p = c.proposal;
        String title = (c.visit != null ? "Visit " + c.visit.code + " of proposal " : "Proposal ") + p.code;
        return p.title == null || p.title.isBlank() ? title : title + ": " + p.title.strip();
    }
}
