package io.aperture.catalogue.datacite;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.catalogue.datacite.DataCiteMetadata.AffiliationRef;
import io.aperture.catalogue.datacite.DataCiteMetadata.Name;
import io.aperture.catalogue.datacite.DataCiteMetadata.NameIdentifier;
import io.aperture.catalogue.datacite.DataCiteMetadata.NameType;
import io.aperture.catalogue.input.Orcid;
import io.aperture.catalogue.model.Affiliation;
import io.aperture.catalogue.model.Member;
import io.aperture.catalogue.model.Person;
import io.aperture.catalogue.model.Proposal;

import java.util.*;

/**
 * The people of a dataset as DataCite names. Creators: the proposal's user-office members (PI first, with ORCID and
 * ROR affiliation), then the file's NXusers the user office does not already name. NXusers whose role says they were
 * the facility's local contact (or beamline/instrument scientist) are contributors, not creators. E-mail addresses
 * and facility accounts are never used.
 */
final class People {
    /** NXuser roles (letters only, lower case) of the facility's own scientist on the experiment. */
    private static final Set<String> LOCAL_CONTACT_ROLES = Set.of("localcontact", "beamlinescientist", "instrumentscientist");
    /** A local contact collected the data and answers questions about it. */
    static final List<String> LOCAL_CONTACT_TYPES = List.of("DataCollector", "ContactPerson");

    private People() {
    }

    /** An NXuser as the harvester recorded it ({@code users[]} of the stored record). */
    record FileUser(String name, String role, String affiliation, String orcid) {
        static FileUser of(JsonNode u) {
            return new FileUser(text(u, "name"), text(u, "role"), text(u, "affiliation"), text(u, "orcid"));
        }

        boolean isLocalContact() {
            return role != null && LOCAL_CONTACT_ROLES.contains(role.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
        }
    }

    /** The proposal's user-office members as creators, PI first, each person once. */
    static List<Name> userOffice(Proposal proposal) {
        List<Name> out = new ArrayList<>();
        if (proposal == null) {
            return out;
        }
        List<Member> members = new ArrayList<>(proposal.members);
        members.sort(Comparator.comparing((Member m) -> m.role).thenComparing(m -> m.id));
        Set<Long> seen = new HashSet<>();
        for (Member m : members) {
            if (m.person != null && seen.add(m.person.id)) {
                person(m.person, m.affiliation != null ? m.affiliation : m.person.affiliation).ifPresent(out::add);
            }
        }
        return out;
    }

    /** {@code known} followed by the file's users who are not local contacts and not already among them. */
    static List<Name> withFileUsers(List<Name> known, List<FileUser> users) {
        List<Name> out = new ArrayList<>(known);
        for (FileUser u : users) {
            if (!u.isLocalContact()) {
                fileUser(u).filter(n -> out.stream().noneMatch(k -> samePerson(k, n))).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The file's local contacts, once each, as {@link #LOCAL_CONTACT_TYPES} contributors. */
    static List<Name> localContacts(List<FileUser> users) {
        List<Name> people = new ArrayList<>();
        for (FileUser u : users) {
            if (u.isLocalContact()) {
                fileUser(u).filter(n -> people.stream().noneMatch(k -> samePerson(k, n))).ifPresent(people::add);
            }
        }
        List<Name> out = new ArrayList<>();
        for (String type : LOCAL_CONTACT_TYPES) {
            people.forEach(p -> out.add(new Name(p.name(), p.nameType(), p.givenName(), p.familyName(), p.identifiers(),
                    p.affiliations(), Optional.of(type))));
        }
        return out;
    }

    private static Optional<Name> person(Person p, Affiliation affiliation) {
        Optional<String> given = text(p.givenName);
        Optional<String> family = text(p.familyName);
        String name = family.map(f -> given.map(g -> f + ", " + g).orElse(f)).or(() -> text(p.fullName)).orElse(null);
        if (name == null) {
            return Optional.empty();
        }
        List<AffiliationRef> affiliations = affiliation == null || text(affiliation.name).isEmpty() ? List.of()
                : List.of(new AffiliationRef(affiliation.name, DataCiteMapper.ror(affiliation.ror)));
        return Optional.of(new Name(name, NameType.Personal, given, family, orcid(p.orcid), affiliations, Optional.empty()));
    }

    /**
     * An NXuser's name: "Family, Given" gives both parts; any other spelling is kept whole, since which word of
     * "Given Family" (or "Family Given") is the family name cannot be told from the text.
     */
    private static Optional<Name> fileUser(FileUser u) {
        Optional<String> name = text(u.name());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> family = Optional.empty();
        Optional<String> given = Optional.empty();
        String[] parts = name.get().split(",", -1);
        if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()) {
            family = Optional.of(parts[0].strip());
            given = Optional.of(parts[1].strip());
        }
        List<AffiliationRef> affiliations = text(u.affiliation()).map(a -> List.of(new AffiliationRef(a, Optional.<String>empty())))
                .orElse(List.of());
        String full = family.isPresent() ? family.get() + ", " + given.get() : name.get();
        return Optional.of(new Name(full, NameType.Personal, given, family, orcid(u.orcid()), affiliations, Optional.empty()));
    }

    /** An ORCID iD as its URL; a malformed one (a file may hold anything) is left out rather than published. */
    private static List<NameIdentifier> orcid(String value) {
        if (text(value).isEmpty()) {
            return List.of();
        }
        try {
            return List.of(new NameIdentifier(DataCiteMapper.ORCID_URI + "/" + Orcid.normalise(value), "ORCID", DataCiteMapper.ORCID_URI));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** The same ORCID iD, or the same name written either way ("Ada Lovelace", "Lovelace, Ada"). */
    private static boolean samePerson(Name a, Name b) {
        if (!a.identifiers().isEmpty() && !b.identifiers().isEmpty()) {
            return a.identifiers().get(0).value().equals(b.identifiers().get(0).value());
        }
        return spellings(a).stream().anyMatch(spellings(b)::contains);
    }

    private static Set<String> spellings(Name n) {
        Set<String> out = new HashSet<>();
        out.add(key(n.name()));
        if (n.givenName().isPresent() && n.familyName().isPresent()) {
            out.add(key(n.givenName().get() + " " + n.familyName().get()));
            out.add(key(n.familyName().get() + ", " + n.givenName().get()));
        }
        String[] parts = n.name().split(",", -1);
        if (parts.length == 2) {
            out.add(key(parts[1] + " " + parts[0]));
        }
        return out;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.textValue() : null;
    }

    private static Optional<String> text(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
