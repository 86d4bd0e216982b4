package io.aperture.catalogue.search;

import io.quarkus.hibernate.search.orm.elasticsearch.SearchExtension;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/** Normalizers and analyzers used by the index mapping. */
@Dependent
@Named("aperture-analysis")
public class AnalysisConfigurer implements ElasticsearchAnalysisConfigurer {
    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.normalizer("lowercase").custom().tokenFilters("lowercase", "asciifolding");
        context.analyzer("autocomplete").custom()
                .tokenizer("standard")
                .tokenFilters("lowercase", "asciifolding", "aperture_edge_ngram");
        context.tokenFilter("aperture_edge_ngram").type("edge_ngram")
                .param("min_gram", 2).param("max_gram", 20);
    }
}
