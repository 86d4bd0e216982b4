package io.aperture.catalogue.panosc;

import io.aperture.catalogue.search.InvalidSearchException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.RegExp;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a caller's pattern may cost before anything runs it. A regular expression is compiled into an automaton by
 * PostgreSQL and by the search engine alike, and a repetition count multiplies its size: {@code a{2147483647}} is
 * twelve characters that exhaust the engine's heap, and a back-reference makes PostgreSQL backtrack for seconds on
 * one title. So a pattern's size once its counted repetitions are expanded is bounded, back-references are refused,
 * and a pattern for the engine is compiled and determinized here with the engine's own code and limit (OpenSearch
 * refuses one past 10 000 states with an error the API would otherwise answer as its own failure).
 */
final class PatternCost {
    /** Atoms of a pattern once {@code {n,m}} repetitions are written out: far above any real name or title pattern. */
    static final int MAX_EXPANDED = 1000;

    private PatternCost() {
    }

    /** Refuses a regular expression whose counted repetitions expand past the bound, or that refers back to a group. */
    static void checkRegexp(String pattern, String at) {
        Deque<long[]> groups = new ArrayDeque<>(); // each open group's size so far, and the size of its last atom
        long size = 0;
        long last = 0;
        boolean inClass = false;
        boolean quantified = false; // the last thing read was a quantifier
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            boolean quantifier = !inClass && (ch == '*' || ch == '+' || ch == '?'
                    || ch == '{' && pattern.indexOf('}', i) > 0 && repetitions(pattern.substring(i + 1, pattern.indexOf('}', i))) >= 0);
            if (quantifier && quantified) {
                // Java reads a{300}+ as possessive and a{300}? as lazy, the engine as a repetition of a repetition:
                // a{300}+{300}+{300} is 27 million states there, built before any limit is checked
                throw new InvalidSearchException(at, "has a quantifier right after another (lazy or possessive forms"
                        + " such as *? or {2}+ are not supported)");
            }
            quantified = quantifier;
            if (ch == '\\' && i + 1 < pattern.length()) {
                char next = pattern.charAt(++i);
                if (!inClass && (Character.isDigit(next) && next != '0' || next == 'k')) {
                    throw new InvalidSearchException(at, "refers back to a group (\\" + next + "): back-references are not supported");
                }
                if (!inClass) {
                    last = 1;
                    size += 1;
                }
            } else if (inClass) {
                inClass = ch != ']';
                if (!inClass) {
                    last = 1;
                    size += 1;
                }
            } else if (ch == '[') {
                inClass = true;
                // a ']' right after '[' or '[^' is a member, not the end
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
                    i++;
                }
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (ch == '(') {
                groups.push(new long[] {size});
                size = 0;
                last = 0;
            } else if (ch == ')') {
                long inner = size;
                size = groups.isEmpty() ? inner : groups.pop()[0] + inner;
                last = inner;
            } else if (ch == '{') {
                int close = pattern.indexOf('}', i);
                long times = close < 0 ? -1 : repetitions(pattern.substring(i + 1, close));
                if (times < 0) {
                    size += 1; // not a count: a literal brace (Java has already accepted the pattern)
                    last = 1;
                    continue;
                }
                size += last * (times - 1);
                last *= times;
                i = close;
            } else if (ch == '*' || ch == '+' || ch == '?') {
                continue; // repeats the last atom without writing it out again
            } else {
                last = 1;
                size += 1;
            }
            if (size > MAX_EXPANDED) {
                throw new InvalidSearchException(at, "is too large once its counted repetitions are written out (more than "
                        + MAX_EXPANDED + " characters): use smaller counts, * or +");
            }
        }
    }

    /** The larger count of {@code n}, {@code n,} or {@code n,m} (capped), or -1 when the text is no count. */
    private static long repetitions(String counts) {
        if (!counts.matches("\\d{1,9}(,\\d{0,9})?")) {
            return counts.matches("\\d+(,\\d*)?") ? MAX_EXPANDED + 1L : -1;
        }
        String[] parts = counts.split(",", -1);
        long max = Long.parseLong(parts[0]);
        if (parts.length == 2 && !parts[1].isEmpty()) {
            max = Math.max(max, Long.parseLong(parts[1]));
        }
        return Math.max(1, max);
    }

    /** Refuses an engine regular expression the engine cannot compile or determinize within its limit. */
    static void checkEngineRegexp(String enginePattern, String at) {
        try {
            new RegexpQuery(new Term("f", enginePattern), RegExp.ALL, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
        } catch (TooComplexToDeterminizeException e) {
            throw tooComplex(at);
        } catch (IllegalArgumentException e) {
            throw new InvalidSearchException(at, "is a regular expression the search engine cannot read on Datasets"
                    + " (Lucene syntax: no \\p{…}, \\x{…}, \\Q…\\E or anchors inside the pattern)");
        }
    }

    /** Refuses an engine wildcard (a like pattern) the engine cannot determinize within its limit. */
    static void checkEngineWildcard(String wildcard, String at) {
        try {
            new WildcardQuery(new Term("f", wildcard), Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
        } catch (TooComplexToDeterminizeException e) {
            throw tooComplex(at);
        }
    }

    private static InvalidSearchException tooComplex(String at) {
        return new InvalidSearchException(at, "is a pattern too complex for the search engine: fewer single-character"
                + " wildcards (_ or .) after a leading % or .*");
    }
}
