package io.aperture.portal;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.preview.PreviewStore;
import io.aperture.catalogue.search.SearchResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which cards of a result page show their dataset's preview: those with a stored preview that the policy lets the
 * caller see ({@link AccessControl#mayPreview}, the decision of {@code /datasets/{pid}/preview.png}) — a card being
 * visible says nothing about its files.
 */
@RequestScoped
public class ResultThumbnails {
    private final PreviewStore previews;
    private final AccessControl access;

    ResultThumbnails(PreviewStore previews, AccessControl access) {
        this.previews = previews;
        this.access = access;
    }

    /** The pids among {@code result}'s hits whose card shows a thumbnail. */
    @Transactional
    public Set<String> of(SearchResult result) {
        if (result == null) {
            return Set.of();
        }
        return previews.withPreview(result.hits().stream().map(SearchResult.Hit::pid).toList()).stream()
                .filter(access::mayPreview).map(d -> d.pid).collect(Collectors.toUnmodifiableSet());
    }
}
