package io.aperture.stack;

/** A service could not be started; the message names the service, the problem and the fix. */
public class StackException extends RuntimeException {
    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
