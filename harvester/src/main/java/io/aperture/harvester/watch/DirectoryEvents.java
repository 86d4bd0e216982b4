package io.aperture.harvester.watch;

import java.time.Duration;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import io.aperture.harvester.scan.WalkRoot;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Filesystem events (inotify on Linux, through {@link WatchService}) for the watched folders and every folder below
 * them, including folders created later. A created or modified file is scheduled {@code settle} after its latest
 * event, so a file being written is looked at only once it has been quiet for a moment (and then the in-progress
 * check still decides). Events are a shortcut, never the only way: they do not work on NFS or GPFS, and the queue can
 * overflow, so the periodic rescan stays on, and an overflow asks for a rescan at once.
 */
public final class DirectoryEvents implements AutoCloseable {
    private final WatchService service;
    private final Map<WatchKey, Path> dirs = new HashMap<>();
    private final PendingFiles pending;
    private final WatchLoop loop;
    private final Clock clock;
    private final Duration settle;
    private final Set<String> extensions;
    private final WatchLog log;
    private final Thread thread;

    public DirectoryEvents(Iterable<Path> roots, WatchLoop loop, Clock clock, WatchSettings settings, WatchLog log)
            throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.pending = loop.pending();
        this.loop = loop;
        this.clock = clock;
        this.settle = settings.settle();
        this.extensions = settings.extensions();
        this.log = log;
        for (Path root : roots) {
            Path abs = PendingFiles.key(root);
            if (Files.isDirectory(abs)) {
                try {
                    registerTree(WalkRoot.of(abs), false);
                } catch (IOException e) {
                    log.problem("cannot watch " + abs + ": " + e.getMessage() + " (the rescan still finds its files)");
                }
            }
        }
        this.thread = new Thread(this::listen, "harvest-watch-events");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /**
     * Registers a folder and every folder below it, walking the real path and naming folders and files under the given
     * one; {@code scheduleFiles} for a new folder whose files may predate it.
     */
    private void registerTree(WalkRoot top, boolean scheduleFiles) {
        try {
            Files.walkFileTree(top.real(), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path real, BasicFileAttributes a) {
                    Path dir = top.asGiven(real);
                    try {
                        WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                                StandardWatchEventKinds.ENTRY_MODIFY);
                        synchronized (dirs) {
                            dirs.put(key, dir);
                        }
                    } catch (IOException e) {
                        // e.g. the inotify watch limit (fs.inotify.max_user_watches): this folder relies on rescans
                        log.problem("no events for " + dir + ": " + e.getMessage() + " (the rescan still finds its files)");
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                    if (scheduleFiles) {
                        fileChanged(top.asGiven(f));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    log.problem("UNREADABLE " + top.asGiven(f) + ": " + e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.problem("cannot watch " + top.given() + ": " + e.getMessage() + " (the rescan still finds its files)");
        }
    }

    private void fileChanged(Path f) {
        if (extensions.contains(WatchLoop.extension(f))) {
            pending.schedule(f, clock.instant().plus(settle));
            loop.wake();
        }
    }

    private void listen() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path dir;
                synchronized (dirs) {
                    dir = dirs.get(key);
                }
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        log.problem("filesystem events overflowed: rescanning");
                        loop.requestRescan();
                        continue;
                    }
                    if (dir == null || !(event.context() instanceof Path name)) {
                        continue;
                    }
                    Path child = dir.resolve(name);
                    // a link to a folder is not watched: a rescan does not follow it either
                    if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                            registerTree(new WalkRoot(child, child), true);
                        }
                    } else {
                        fileChanged(child);
                    }
                }
                if (!key.reset()) {
                    synchronized (dirs) {
                        dirs.remove(key); // the folder is gone
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the watcher is stopping
        } catch (RuntimeException e) {
            log.problem("filesystem events stopped: " + e + " (rescans go on)");
        }
    }

    /** How many folders are watched (for the start-up line and tests). */
    public int folders() {
        synchronized (dirs) {
            return dirs.size();
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
