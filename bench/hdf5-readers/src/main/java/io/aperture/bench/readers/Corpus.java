package io.aperture.bench.readers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The NeXus test files (testdata/nexus by default), as listed in the MANIFEST.md table (first column, in backticks). */
final class Corpus {
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|");

    private Corpus() {
    }

    static List<String> manifest(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("MANIFEST.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** Files on disk the manifest does not list (they are walked too, and named in the output). */
    static List<String> unlisted(Path dir, List<String> listed) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(p -> !p.equals("MANIFEST.md") && !listed.contains(p)).sorted().toList();
        }
    }
}
