package io.aperture.harvester.hdf5;

import java.nio.file.Path;

/** A whole file is refused, with a specific reason. */
public class UnusableFileException extends Exception {
    private final Path file;
    private final FileProblem problem;

    public UnusableFileException(Path file, FileProblem problem, String detail) {
        this(file, problem, detail, null);
    }

    public UnusableFileException(Path file, FileProblem problem, String detail, Throwable cause) {
        super(file + ": " + problem.description() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"), cause);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    public FileProblem problem() {
        return problem;
    }
}
