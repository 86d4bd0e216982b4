package io.aperture.harvester.hdf5;

/** One object could not be read; the rest of the file may still be fine. */
public class H5ReadException extends Exception {
    public H5ReadException(String message, Throwable cause) {
        super(message, cause);
    }

    public H5ReadException(String message) {
        super(message);
    }
}
