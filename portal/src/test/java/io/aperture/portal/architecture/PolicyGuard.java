package io.aperture.portal.architecture;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.aperture.policy.doi.DoiState;
import io.aperture.policy.embargo.EmbargoRules;
import io.aperture.policy.embargo.EmbargoStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The rules that keep every embargo and disclosure decision in {@code policy/}: code elsewhere asks the policy and
 * applies its answer; it never compares access or DOI states, never does calendar arithmetic with the embargo
 * numbers, and never compares or shifts an embargo date itself.
 */
final class PolicyGuard {
    static final String POLICY = "io.aperture.policy";

    /** The states whose comparison is a disclosure decision. */
    private static final Set<String> STATE_TYPES = Set.of(EmbargoStatus.class.getName(), DoiState.class.getName());
    /** Enum methods through which a comparison happens (a switch compiles to ordinal()). */
    private static final Set<String> COMPARING = Set.of("ordinal", "compareTo", "equals", "values");
    /** The embargo numbers: whoever reads them is about to do the policy's arithmetic. */
    private static final Set<String> RULE_NUMBERS = Set.of("embargoPeriod", "extensionStep", "extensionWindow", "facilityZone");
    /** Calendar arithmetic: only the policy computes embargo dates. */
    private static final Set<String> CALENDAR_TYPES = Set.of(ZonedDateTime.class.getName(), LocalDate.class.getName(),
            LocalDateTime.class.getName(), OffsetDateTime.class.getName());
    /** Fields and accessors that hold an embargo date. */
    private static final Set<String> EMBARGO_DATES = Set.of("embargoEnd", "currentEnd", "originalEnd", "releasedAt",
            "windowNotifiedEnd", "currentEmbargoEnd", "availableFrom", "endAtRequest", "endBefore", "endAfter");
    /** Instant methods that compare or shift. */
    private static final Set<String> INSTANT_MATH = Set.of("isBefore", "isAfter", "compareTo", "plus", "minus", "plusSeconds",
            "minusSeconds", "plusMillis", "minusMillis", "until");

    private PolicyGuard() {
    }

    static List<ArchRule> rules() {
        return List.of(
                classes().that().resideOutsideOfPackage(POLICY + "..").should(notCompareStates())
                        .because("access and DOI states are compared in policy/ only: ask the policy for the decision"),
                classes().that().resideOutsideOfPackage(POLICY + "..").should(notReadEmbargoNumbers())
                        .because("embargo periods and the facility zone are the policy's arithmetic"),
                classes().that().resideOutsideOfPackage(POLICY + "..").should(notDoCalendarArithmetic())
                        .because("calendar arithmetic on dates is embargo arithmetic: policy/ does it"),
                classes().that().resideOutsideOfPackage(POLICY + "..").should(notDoEmbargoDateMath())
                        .because("a method that reads an embargo date and compares or shifts instants decides an embargo"));
    }

    private static ArchCondition<JavaClass> notCompareStates() {
        return new ArchCondition<>("not compare access or DOI states") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaFieldAccess a : c.getFieldAccessesFromSelf()) {
                    if (STATE_TYPES.contains(a.getTargetOwner().getName()) && isEnumConstant(a)) {
                        events.add(SimpleConditionEvent.violated(a, a.getDescription()));
                    }
                }
                for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                    if (STATE_TYPES.contains(call.getTargetOwner().getName()) && COMPARING.contains(call.getName())) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean isEnumConstant(JavaFieldAccess a) {
        return a.getAccessType() == JavaFieldAccess.AccessType.GET
                && a.getTarget().resolveMember().map(f -> f.getRawType().equals(f.getOwner())).orElse(true);
    }

    private static ArchCondition<JavaClass> notReadEmbargoNumbers() {
        return new ArchCondition<>("not read the embargo periods or zone") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                    boolean rules = call.getTargetOwner().getName().equals(EmbargoRules.class.getName())
                            && RULE_NUMBERS.contains(call.getName());
                    boolean period = call.getTargetOwner().getName().equals(Period.class.getName())
                            && !call.getName().equals("parse") && !call.getName().equals("toString");
                    if (rules || period) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> notDoCalendarArithmetic() {
        return new ArchCondition<>("not do calendar arithmetic") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                    String name = call.getName();
                    if (CALENDAR_TYPES.contains(call.getTargetOwner().getName())
                            && (name.startsWith("plus") || name.startsWith("minus") || name.startsWith("with"))) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> notDoEmbargoDateMath() {
        return new ArchCondition<>("not compare or shift embargo dates") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaCodeUnit unit : c.getCodeUnits()) {
                    boolean readsEmbargoDate = unit.getAccessesFromSelf().stream().anyMatch(PolicyGuard::readsEmbargoDate);
                    if (!readsEmbargoDate) {
                        continue;
                    }
                    for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
                        if (call.getTargetOwner().getName().equals(Instant.class.getName())
                                && INSTANT_MATH.contains(call.getName())) {
                            events.add(SimpleConditionEvent.violated(call, call.getDescription()
                                    + " in a method that reads an embargo date"));
                        }
                    }
                }
            }
        };
    }

    private static boolean readsEmbargoDate(JavaAccess<?> a) {
        if (a instanceof JavaFieldAccess f) {
            return f.getAccessType() == JavaFieldAccess.AccessType.GET && EMBARGO_DATES.contains(f.getName());
        }
        return a instanceof JavaMethodCall m && EMBARGO_DATES.contains(m.getName()) && m.getTarget().getParameterTypes().isEmpty();
    }
}
