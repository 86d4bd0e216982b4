package io.aperture.policy.testing;

import io.aperture.policy.access.Caller;
import io.aperture.policy.access.FacilityRole;
import io.aperture.policy.access.ProposalRole;
import io.aperture.policy.access.ProtectedResource;
import io.aperture.policy.access.Visibility;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Random values for the property tests, biased towards the cases the policy distinguishes. */
public final class Generators {

    /** A small pool so callers and resources often meet on the same proposal. */
    public static final List<String> PROPOSALS = List.of("MX1001", "SP2002", "NT3003");

    /** 2000-01-01T00:00Z .. 2060-01-01T00:00Z. */
    private static final long FROM = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2060-01-01T00:00:00Z").getEpochSecond();

    private Generators() {
    }

    public static Instant instant(SplittableRandom r) {
        return Instant.ofEpochSecond(r.nextLong(FROM, TO));
    }

    public static <T> T oneOf(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    public static String proposal(SplittableRandom r) {
        return oneOf(r, PROPOSALS);
    }

    /** Any caller: anonymous, or a user with a random mix of facility roles, proposal roles and support grants. */
    public static Caller caller(SplittableRandom r) {
        if (r.nextInt(6) == 0) {
            return Caller.anonymous();
        }
        Caller c = Caller.user("user" + r.nextInt(1000));
        for (FacilityRole role : FacilityRole.values()) {
            if (r.nextInt(4) == 0) {
                c = c.withFacilityRole(role);
            }
        }
        for (String p : PROPOSALS) {
            for (ProposalRole role : ProposalRole.values()) {
                if (r.nextInt(5) == 0) {
                    c = c.withProposalRole(p, role);
                }
            }
            if (c.has(FacilityRole.SERVICE_PROVIDER) && r.nextBoolean()) {
                c = c.withServiceGrant(p, r.nextBoolean() ? Visibility.METADATA : Visibility.METADATA_AND_FILES);
            }
        }
        return c;
    }

    /** A record in any state at an instant near its interesting moments. */
    public static ResourceAt resourceAt(SplittableRandom r) {
        Instant end = instant(r);
        Optional<Instant> releasedAt = switch (r.nextInt(3)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(end);
            default -> Optional.of(end.minusSeconds(r.nextLong(0, 400L * 86_400)));
        };
        ProtectedResource resource = new ProtectedResource("ds-" + r.nextInt(100), proposal(r), end, releasedAt,
                r.nextInt(5) == 0, r.nextBoolean());
        Instant now = switch (r.nextInt(3)) {
            case 0 -> end.plusSeconds(r.nextLong(-3, 4));
            case 1 -> releasedAt.orElse(end).plusSeconds(r.nextLong(-3, 4));
            default -> instant(r);
        };
        return new ResourceAt(resource, now);
    }

    /** A resource and the instant at which it is looked at. */
    public record ResourceAt(ProtectedResource resource, Instant now) {
    }
}
