package io.aperture.portal.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of a shared service, so that one test can take the service away from one server
 * process ({@link #cut()}: the port refuses connections and open ones are reset) without stopping it for everyone
 * else on the stack. Bytes are copied as they are; the service sees the relay's address in the Host header.
 */
public final class TcpRelay implements AutoCloseable {
    private final int port;
    private final int targetPort;
    private volatile ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private TcpRelay(ServerSocket listener, int targetPort) {
        this.port = listener.getLocalPort();
        this.targetPort = targetPort;
        listen(listener);
    }

    private void listen(ServerSocket socket) {
        listener = socket;
        Thread.ofPlatform().daemon().name("relay-accept-" + port).start(() -> accept(socket));
    }

    public static TcpRelay to(int targetPort) {
        try {
            return new TcpRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket in = socket.accept();
                Socket out = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(in);
                open.add(out);
                pump(in, out);
                pump(out, in);
            } catch (IOException e) {
                // closed by cut(), or the target refused: the caller's connection is dropped either way
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread.ofPlatform().daemon().start(() -> {
            try (InputStream i = from.getInputStream(); OutputStream o = to.getOutputStream()) {
                i.transferTo(o);
            } catch (IOException e) {
                // one side went away
            } finally {
                close(from);
                close(to);
            }
        });
    }

    /** The service is back, on the same port. */
    public void resume() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listen(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port + " again", e);
        }
    }

    /** The service is gone for whoever used this relay: nothing listens on its port any more. */
    public void cut() {
        close(listener);
        open.forEach(TcpRelay::close);
        open.clear();
    }

    private static void close(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
    }
}
