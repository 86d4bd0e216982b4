package io.aperture.harvester.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.record.HarvestRecord;

/**
 * The user-office side of a synthetic catalogue: one proposal per proposal of {@link SyntheticRecords}, with its four
 * visits and its members, as the user-office import takes them (docs/api.md#user-office-import). Who is on a proposal
 * is a function of its number, so the demo shows every case the portal has to handle:
 * <ul>
 *   <li>every tenth proposal belongs to the local realm's demo users (pi as PI, alternate as alternate contact,
 *       member as team member), so that they have data in every embargo state;</li>
 *   <li>every thirteenth (from the seventh) has no members at all: no one can extend or release it, which the staff
 *       dashboard flags;</li>
 *   <li>the others have a synthetic PI and team member who cannot sign in (no user name).</li>
 * </ul>
 */
public record SyntheticProposals(SyntheticRecords records) {
    private static final String[] GIVEN = {"Ada", "Ben", "Chidi", "Dana", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jun",
            "Kaia", "Luis", "Mei", "Nils", "Oona", "Priya", "Quentin", "Rosa", "Sami", "Tove"};
    private static final String[] FAMILY = {"Archer", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad",
            "Ito", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Sato", "Tanaka"};
    private static final String[] UNIVERSITIES = {"University of Examplia", "Institute of Synthetic Studies",
            "Fictional Technical University", "Demo College"};

    /** The body of a user-office import for every proposal of records {@code [0, count)}. */
    public ObjectNode userOffice(long count) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode body = f.objectNode();
        ArrayNode proposals = body.putArray("proposals");
        int last = count <= 0 ? -1 : records.proposalIndex(count - 1);
        long perProposal = (long) records.scansPerVisit() * SyntheticRecords.VISITS_PER_PROPOSAL;
        for (int p = 0; p <= last; p++) {
            HarvestRecord first = records.record(p * perProposal);
            String code = records.proposalCode(p);
            ObjectNode proposal = proposals.addObject();
            proposal.put("code", code);
            proposal.put("title", "Synthetic proposal " + code + ": " + first.techniques().get(0).label() + " on "
                    + first.identity().beamline());
            proposal.put("summary", "Synthetic data made by 'harvest demo' (seed " + records.seed()
                    + ") for the demonstration catalogue; not a real experiment.");
            ArrayNode visits = proposal.putArray("visits");
            for (int v = 0; v < SyntheticRecords.VISITS_PER_PROPOSAL; v++) {
                long firstOfVisit = p * perProposal + (long) v * records.scansPerVisit();
                HarvestRecord a = records.record(firstOfVisit);
                HarvestRecord b = records.record(firstOfVisit + records.scansPerVisit() - 1);
                ObjectNode visit = visits.addObject();
                visit.put("code", a.identity().visit());
                visit.put("start", a.startTime().toString());
                visit.put("end", b.endTime().toString());
            }
            ArrayNode members = proposal.putArray("members");
            if (p % 10 == 0) {
                // as examples/catalogue/user-office.json names them: the import replaces a person's fields with the
                // last ones it is given
                ObjectNode pi = member(members, "PI", "Pat Investigator", "pi");
                pi.put("givenName", "Pat").put("familyName", "Investigator").put("email", "pi@example.org")
                        .put("orcid", "0000-0002-1825-0097");
                pi.putObject("affiliation").put("name", "University of Example").put("ror", "https://ror.org/00example0");
                member(members, "ALTERNATE_CONTACT", "Alex Alternate", "alternate").put("email", "alternate@example.org");
                member(members, "TEAM_MEMBER", "Morgan Member", "member").put("email", "member@example.org");
            } else if (p % 13 != 7) {
                member(members, "PI", person(p), null).putObject("affiliation")
                        .put("name", UNIVERSITIES[Math.floorMod(p, UNIVERSITIES.length)]);
                member(members, "TEAM_MEMBER", person(p * 31 + 7), null);
            }
        }
        return body;
    }

    private static ObjectNode member(ArrayNode members, String role, String fullName, String username) {
        ObjectNode m = members.addObject();
        m.put("role", role);
        ObjectNode person = m.putObject("person");
        person.put("fullName", fullName);
        if (username != null) {
            person.put("username", username);
        }
        return person;
    }

    private static String person(int n) {
        return GIVEN[Math.floorMod(n * 7, GIVEN.length)] + " " + FAMILY[Math.floorMod(n * 11 + 3, FAMILY.length)];
    }
}
