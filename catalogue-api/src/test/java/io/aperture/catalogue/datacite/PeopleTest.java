package io.aperture.catalogue.datacite;

import io.aperture.catalogue.datacite.DataCiteMetadata.Name;
import io.aperture.catalogue.model.Affiliation;
import io.aperture.catalogue.model.Member;
import io.aperture.catalogue.model.MemberRole;
import io.aperture.catalogue.model.Person;
import io.aperture.catalogue.model.Proposal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PeopleTest {
    private static final String ADA_ORCID = "0000-0001-5109-3700";

    @Test
    void userOfficeMembersComePiFirstWithNamePartsOrcidAndRor() {
        Proposal p = proposal(member(2, MemberRole.TEAM_MEMBER, person(2, "Grace Hopper", "Grace", "Hopper", null, null)),
                member(1, MemberRole.PI, person(1, "Ada Lovelace", "Ada", "Lovelace", ADA_ORCID, affiliation("University of Oxford", "052gg0110"))));
        List<Name> names = People.userOffice(p);
        assertThat(names).extracting(Name::name).containsExactly("Lovelace, Ada", "Hopper, Grace");
        assertThat(names.get(0).givenName()).contains("Ada");
        assertThat(names.get(0).familyName()).contains("Lovelace");
        assertThat(names.get(0).identifiers().get(0).value()).isEqualTo("https://orcid.org/" + ADA_ORCID);
        assertThat(names.get(0).affiliations().get(0).ror()).contains("https://ror.org/052gg0110");
        assertThat(names.get(1).identifiers()).isEmpty();
    }

    @Test
    void fileUsersAddCreatorsTheUserOfficeDoesNotNameAndNeverTheirEmail() {
        Proposal p = proposal(member(1, MemberRole.PI, person(1, "Ada Lovelace", "Ada", "Lovelace", ADA_ORCID, null)));
        List<People.FileUser> users = List.of(
                new People.FileUser("Lovelace, Ada", "PI", null, null),                       // same name, other spelling
                new People.FileUser("A. Someone", "user", null, "https://orcid.org/" + ADA_ORCID), // same ORCID iD
                new People.FileUser("Babbage, Charles", "principal_investigator", "Cambridge", "0000-0002-1825-0097"),
                new People.FileUser("Mary Somerville", "user", null, "0000-0002-1825-0098"),      // bad check digit
                new People.FileUser(null, "user", null, null),                                   // an account only
                new People.FileUser("Rosalind Franklin", "local_contact", "Diamond", null));
        List<Name> creators = People.withFileUsers(People.userOffice(p), users);
        assertThat(creators).extracting(Name::name).containsExactly("Lovelace, Ada", "Babbage, Charles", "Mary Somerville");
        Name babbage = creators.get(1);
        assertThat(babbage.familyName()).contains("Babbage");
        assertThat(babbage.givenName()).contains("Charles");
        assertThat(babbage.identifiers().get(0).value()).isEqualTo("https://orcid.org/0000-0002-1825-0097");
        assertThat(babbage.affiliations().get(0).name()).isEqualTo("Cambridge");
        assertThat(babbage.affiliations().get(0).ror()).isEmpty();
        Name somerville = creators.get(2);
        assertThat(somerville.givenName()).isEmpty();
        assertThat(somerville.familyName()).isEmpty();
        assertThat(somerville.identifiers()).as("a malformed ORCID iD is left out").isEmpty();
    }

    @Test
    void localContactsAreDataCollectorsAndContactPersonsNotCreators() {
        List<People.FileUser> users = List.of(new People.FileUser("Franklin, Rosalind", "Local Contact", "Diamond", null),
                new People.FileUser("Franklin, Rosalind", "beamline scientist", null, null),
                new People.FileUser("Kathleen Lonsdale", "Beamline_Scientist", null, null),
                new People.FileUser("Dorothy Hodgkin", "user", null, null));
        List<Name> contributors = People.localContacts(users);
        assertThat(contributors).extracting(Name::name, n -> n.contributorType().orElseThrow()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Franklin, Rosalind", "DataCollector"),
                org.assertj.core.groups.Tuple.tuple("Kathleen Lonsdale", "DataCollector"),
                org.assertj.core.groups.Tuple.tuple("Franklin, Rosalind", "ContactPerson"),
                org.assertj.core.groups.Tuple.tuple("Kathleen Lonsdale", "ContactPerson"));
        assertThat(People.withFileUsers(List.of(), users)).extracting(Name::name).containsExactly("Dorothy Hodgkin");
    }

    @Test
    void nobodyKnownIsNobody() {
        assertThat(People.userOffice(null)).isEmpty();
        assertThat(People.withFileUsers(List.of(), List.of())).isEmpty();
        assertThat(People.localContacts(List.of())).isEmpty();
    }

    @Test
    void theNeXusManualDocumentsApplicationDefinitionsOnly() {
        assertThat(DataCiteMapper.documentation("NXmx")).contains("https://manual.nexusformat.org/classes/applications/NXmx.html");
        assertThat(DataCiteMapper.documentation(" NXtomo ")).contains("https://manual.nexusformat.org/classes/applications/NXtomo.html");
        assertThat(DataCiteMapper.documentation("NXmx\"><x")).isEmpty();
        assertThat(DataCiteMapper.documentation(null)).isEqualTo(Optional.empty());
    }

    private static Proposal proposal(Member... members) {
        Proposal p = new Proposal();
        p.members = List.of(members);
        return p;
    }

    private static Member member(long id, MemberRole role, Person person) {
        Member m = new Member();
        m.id = id;
        m.role = role;
        m.person = person;
        return m;
    }

    private static Person person(long id, String full, String given, String family, String orcid, Affiliation a) {
        Person p = new Person();
        p.id = id;
        p.fullName = full;
        p.givenName = given;
        p.familyName = family;
        p.orcid = orcid;
        p.affiliation = a;
        return p;
    }

    private static Affiliation affiliation(String name, String ror) {
        Affiliation a = new Affiliation();
        a.name = name;
        a.ror = ror;
        return a;
    }
}
