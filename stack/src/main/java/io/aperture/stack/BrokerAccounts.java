package io.aperture.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The accounts of the embedded broker, one per side: the acquisition side may only send "scan finished" events, the
 * harvester may only consume them; the catalogue server may only send its own events, an archive or pipeline may only
 * consume those. Their passwords are drawn at random when a data folder is first used and kept in it (owner-readable
 * only, {@link AccountsFile}), so no password of a running broker is written in this repository.
 */
public record BrokerAccounts(String senderPassword, String harvesterPassword, String cataloguePassword, String archivePassword) {
    static final String SENDER = "acquisition";
    static final String HARVESTER = "harvester";
    static final String CATALOGUE = "catalogue";
    static final String ARCHIVE = "archive";
    private static final List<String> USERS = List.of(SENDER, HARVESTER, CATALOGUE, ARCHIVE);
    private static final String FILE = "accounts.properties";

    public String senderUser() {
        return SENDER;
    }

    public String harvesterUser() {
        return HARVESTER;
    }

    public String catalogueUser() {
        return CATALOGUE;
    }

    public String archiveUser() {
        return ARCHIVE;
    }

    /** The accounts kept in the folder; any missing there are drawn now and written. */
    static BrokerAccounts inFolder(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            Properties p = AccountsFile.read(file, USERS, "Artemis accounts of this embedded stack (user = password)");
            return new BrokerAccounts(p.getProperty(SENDER), p.getProperty(HARVESTER), p.getProperty(CATALOGUE), p.getProperty(ARCHIVE));
        } catch (IOException e) {
            throw new StackException("Artemis: cannot read or write its accounts in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "BrokerAccounts" + USERS; // never the passwords
    }
}
