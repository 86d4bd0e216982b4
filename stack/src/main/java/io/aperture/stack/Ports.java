package io.aperture.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port checks, made before anything starts so that a busy port fails fast with one clear message. */
public final class Ports {
    private Ports() {
    }

    /**
     * True when nothing listens on the port on loopback (or on all interfaces, which includes loopback). SO_REUSEADDR
     * as the servers use it: connections of a just-stopped service in TIME_WAIT do not make the port busy.
     */
    public static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that was free a moment ago; for tests that run a stack beside another one. */
    public static int free() {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new StackException("no free loopback port", e);
        }
    }

    /**
     * @param what        the port's owner as users know it, e.g. "PostgreSQL" or "OpenSearch transport"
     * @param fixVariable the variable (or option) that moves it
     */
    static void requireFree(int port, String what, String fixVariable) {
        if (!isFree(port)) {
            throw new StackException("port " + port + " (" + what + ") is in use: stop the other process or set "
                    + fixVariable);
        }
    }
}
