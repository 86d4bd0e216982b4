package io.aperture.catalogue.useroffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.catalogue.ingest.InvalidRecordException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A proposal's publications: a DOI, or a DOI with its title, year and authors (each optional, checked, bounded). */
class ProposalEntryPublicationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<ProposalEntry.PublicationEntry> publications(String list) throws Exception {
        return ProposalEntry.read(JSON.readTree(("{'code':'c','publications':" + list + "}").replace('\'', '"')), "proposals[0]")
                .publications();
    }

    private static InvalidRecordException refusal(String list) {
        return catchThrowableOfType(InvalidRecordException.class, () -> publications(list));
    }

    @Test
    void aDoiAloneOrWithItsBibliographicMetadata() throws Exception {
        assertThat(publications("['doi:10.1107/S1', {'doi':'https://doi.org/10.1038/n2','title':' Beetles in the beam ',"
                + "'year':2021,'authors':['Ada Lovelace',' Alan Turing ']}, {'doi':'10.5555/x','year':null}]")).containsExactly(
                new ProposalEntry.PublicationEntry("10.1107/S1", null, null, List.of()),
                new ProposalEntry.PublicationEntry("10.1038/n2", "Beetles in the beam", 2021, List.of("Ada Lovelace", "Alan Turing")),
                new ProposalEntry.PublicationEntry("10.5555/x", null, null, List.of()));
    }

    @Test
    void eachDoiOnceTheFirstEntryNamingItCounts() throws Exception {
        assertThat(publications("[{'doi':'10.5555/x','title':'First'}, '10.5555/x', {'doi':'doi:10.5555/x','title':'Second'}]"))
                .extracting(ProposalEntry.PublicationEntry::title).containsExactly("First");
    }

    @Test
    void everyRefusalNamesItsField() {
        assertThat(refusal("[42]").field()).isEqualTo("proposals[0].publications[0]");
        assertThat(refusal("[{'title':'no doi'}]").field()).isEqualTo("proposals[0].publications[0].doi");
        assertThat(refusal("[{'doi':'https://example.org/paper'}]").field()).isEqualTo("proposals[0].publications[0].doi");
        assertThat(refusal("[{'doi':'10.5555/x','title':'" + "t".repeat(2_001) + "'}]").field())
                .isEqualTo("proposals[0].publications[0].title");
        assertThat(refusal("[{'doi':'10.5555/x','title':'a\\u0000b'}]").field()).isEqualTo("proposals[0].publications[0].title");
        for (String year : List.of("1599", "10000", "2021.5", "'2021'")) {
            InvalidRecordException e = refusal("[{'doi':'10.5555/x','year':" + year + "}]");
            assertThat(e.field()).as(year).isEqualTo("proposals[0].publications[0].year");
            assertThat(e.getMessage()).as(year).contains("from 1600 to 9999");
        }
        assertThat(refusal("[{'doi':'10.5555/x','authors':'Ada'}]").field()).isEqualTo("proposals[0].publications[0].authors");
        assertThat(refusal("[{'doi':'10.5555/x','authors':['Ada', ' ']}]").field()).isEqualTo("proposals[0].publications[0].authors[1]");
        assertThat(refusal("[{'doi':'10.5555/x','authors':['" + "a".repeat(501) + "']}]").field())
                .isEqualTo("proposals[0].publications[0].authors[0]");
        String many = "'A'," .repeat(ProposalEntry.MAX_AUTHORS) + "'A'";
        assertThat(refusal("[{'doi':'10.5555/x','authors':[" + many + "]}]").field()).isEqualTo("proposals[0].publications[0].authors");
    }
}
