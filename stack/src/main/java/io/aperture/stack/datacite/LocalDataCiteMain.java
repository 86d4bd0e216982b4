package io.aperture.stack.datacite;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a {@link LocalDataCite} until the process is stopped: what {@code ./aperture start} starts beside the embedded
 * stack so that the demo registers its DOIs somewhere (docs/operations.md, "DOIs in the demo"). Not for production:
 * nothing registered here exists at DataCite.
 *
 * <pre>LocalDataCiteMain --port 18280 --kernel-dir testdata/standards/datacite/kernel-4.6 --prefix 10.5072 --repository DEMO.APERTURE</pre>
 *
 * The password is read from the environment variable {@code APERTURE_DATACITE_PASSWORD}, as the server reads it.
 */
public final class LocalDataCiteMain {
    private LocalDataCiteMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("unexpected argument " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        for (String required : new String[]{"port", "kernel-dir", "prefix", "repository"}) {
            if (!options.containsKey(required)) {
                usage("--" + required + " is required");
            }
        }
        String password = System.getenv("APERTURE_DATACITE_PASSWORD");
        if (password == null || password.isBlank()) {
            usage("APERTURE_DATACITE_PASSWORD is not set");
        }
        int port;
        try {
            port = Integer.parseInt(options.get("port"));
        } catch (NumberFormatException e) {
            usage("--port must be a number");
            return;
        }
        LocalDataCite datacite = new LocalDataCite(port, Path.of(options.get("kernel-dir")),
                new LocalDataCite.Account(options.get("prefix"), options.get("repository"), password));
        Runtime.getRuntime().addShutdownHook(new Thread(datacite::close, "datacite-stand-in-stop"));
        System.out.println("DataCite stand-in on " + datacite.baseUrl() + " for " + options.get("repository") + " ("
                + options.get("prefix") + "): a local test double, NOT DataCite; DOIs registered here exist nowhere else");
        Thread.currentThread().join();
    }

    private static void usage(String problem) {
        System.err.println("LocalDataCiteMain: " + problem
                + "\nusage: --port N --kernel-dir DIR --prefix 10.NNNN --repository ID (password in APERTURE_DATACITE_PASSWORD)");
        System.exit(2);
    }
}
