package io.aperture.harvester.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "scan", description = "Crawls directories and harvests new or changed files.")
public final class ScanCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
