package io.aperture.catalogue.useroffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.catalogue.ingest.InvalidRecordException;
import io.aperture.catalogue.model.MemberRole;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProposalEntryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static InvalidRecordException refusal(String text) throws Exception {
        JsonNode p = json(text);
        return catchThrowableOfType(InvalidRecordException.class, () -> ProposalEntry.read(p, "proposals[2]"));
    }

    @Test
    void aWholeProposalIsRead() throws Exception {
        ProposalEntry e = ProposalEntry.read(json("{'code':' cm1234 ','title':'Beetles','visits':[{'code':'cm1234-1',"
                + "'start':'2024-01-01T00:00:00Z'}],'members':[{'role':'PI','person':{'fullName':'Ada Lovelace',"
                + "'orcid':'https://orcid.org/0000-0002-1825-0097','affiliation':{'name':'Diamond','ror':'https://ror.org/05etxs293'}}}]}"),
                "proposals[0]");
        assertThat(e.code()).isEqualTo("cm1234");
        assertThat(e.visits()).containsExactly(new ProposalEntry.VisitEntry("cm1234-1", Instant.parse("2024-01-01T00:00:00Z"), null));
        assertThat(e.members()).hasSize(1);
        assertThat(e.members().get(0).role()).isEqualTo(MemberRole.PI);
        assertThat(e.members().get(0).person().orcid()).isEqualTo("0000-0002-1825-0097");
        assertThat(e.members().get(0).person().affiliation().name()).isEqualTo("Diamond");
    }

    @Test
    void everyRefusalNamesItsField() throws Exception {
        assertThat(refusal("{'title':'no code'}").field()).isEqualTo("proposals[2].code");
        assertThat(refusal("'a string'").field()).isEqualTo("proposals[2]");
        assertThat(refusal("{'code':'a\\u0000b'}").field()).isEqualTo("proposals[2].code");
        assertThat(refusal("{'code':'c','title':'" + "t".repeat(2_001) + "'}").field()).isEqualTo("proposals[2].title");
        // shapes that once reached the database or threw: an object where a list belongs, a string where an object does
        assertThat(refusal("{'code':'c','visits':{'code':'v'}}").field()).isEqualTo("proposals[2].visits");
        assertThat(refusal("{'code':'c','members':['PI']}").field()).isEqualTo("proposals[2].members[0]");
        assertThat(refusal("{'code':'c','visits':[{'code':'v','start':'+999999999-12-31T23:59:59Z'}]}").field())
                .isEqualTo("proposals[2].visits[0].start");
        assertThat(refusal("{'code':'c','visits':[{'code':'v','end':'yesterday'}]}").getMessage())
                .contains("ISO-8601");
        assertThat(refusal("{'code':'c','members':[{'role':'BOSS','person':{'fullName':'x'}}]}").field())
                .isEqualTo("proposals[2].members[0].role");
        assertThat(refusal("{'code':'c','members':[{'role':'PI'}]}").field()).isEqualTo("proposals[2].members[0].person");
        assertThat(refusal("{'code':'c','members':[{'role':'PI','person':{'fullName':'x','orcid':'0000-0002-1825-009X'}}]}")
                .field()).isEqualTo("proposals[2].members[0].person.orcid");
        assertThat(refusal("{'code':'c','members':[{'role':'PI','person':{'fullName':'x','affiliation':{'ror':'r'}}}]}")
                .field()).isEqualTo("proposals[2].members[0].person.affiliation.name");
    }
}
