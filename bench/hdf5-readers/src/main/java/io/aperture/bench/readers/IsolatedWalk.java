package io.aperture.bench.readers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Child-process entry point: walks the files named in a list file with one reader and prints a BEGIN line
 * before and an END line after each, so the parent can tell which file killed or hung the process.
 * Usage: IsolatedWalk native|jhdf MAX_ELEMENTS LIST_FILE
 */
public final class IsolatedWalk {
    private IsolatedWalk() {
    }

    public static void main(String[] args) throws IOException {
        Walker w = args[0].equals("native") ? new NativeWalker() : new JhdfWalker();
        int max = Integer.parseInt(args[1]);
        List<String> files = Files.readAllLines(Path.of(args[2]));
        for (String f : files) {
            System.out.println("BEGIN\t" + f);
            System.out.flush();
            String status;
            String detail;
            try {
                WalkResult r = w.walk(Path.of(f), max);
                status = r.fatal == null ? "ok" : "refused";
                detail = (r.fatal == null ? "" : r.fatal) + " | objects=" + r.structural() + " warnings=" + r.warnings.size();
            } catch (Throwable t) {
                status = "threw";
                detail = NativeWalker.message(t);
            }
            System.out.println("END\t" + f + "\t" + status + "\t" + detail.replace('\n', ' ').replace('\t', ' '));
            System.out.flush();
        }
    }
}
