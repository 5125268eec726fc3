package dev.homeweb.tls;

import dev.homeweb.config.SocketActivation;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.ProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The listening sockets systemd passed (sd_listen_fds: fds 3, 4, ... named by {@code
 * LISTEN_FDNAMES}), as channels Jetty can accept on.
 *
 * <p>Java has no public way to adopt a file descriptor other than 0 ({@code
 * System.inheritedChannel()}). This uses the JDK's own server-channel class with the constructor
 * that {@code System.inheritedChannel()} itself uses for fd 0, which needs {@code --add-opens
 * java.base/java.io} and {@code java.base/sun.nio.ch} (the jar's manifest has them as {@code
 * Add-Opens}, so {@code java -jar} needs no flags). The channel is a regular JDK NIO channel: the
 * selector, non-blocking accept and close behave as for one the JVM opened itself.
 */
final class InheritedSockets {
    private final Map<String, ServerSocketChannel> byName;

    private InheritedSockets(Map<String, ServerSocketChannel> byName) {
        this.byName = byName;
    }

    static InheritedSockets adopt(Optional<SocketActivation> activation) {
        var channels = new LinkedHashMap<String, ServerSocketChannel>();
        activation.ifPresent(
                a -> {
                    for (int i = 0; i < a.names().size(); i++) {
                        channels.put(a.names().get(i), channel(SocketActivation.FIRST_FD + i));
                    }
                });
        return new InheritedSockets(channels);
    }

    /** The socket passed under this name, if systemd passed any. */
    Optional<ServerSocketChannel> take(String name) {
        return Optional.ofNullable(byName.remove(name));
    }

    /** The one socket passed, whatever its name: plain HTTP needs no name. */
    Optional<ServerSocketChannel> takeOnly() {
        var names = java.util.List.copyOf(byName.keySet());
        return names.isEmpty() ? Optional.empty() : take(names.get(0));
    }

    static ServerSocketChannel channel(int fd) {
        try {
            return Jdk.channel(fd);
        } catch (InvocationTargetException e) {
            var cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException("socket fd " + fd + " from systemd: " + io, io);
            }
            throw new IllegalStateException(
                    "fd " + fd + " from systemd is not a listening TCP socket: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JDK internals, looked up only when systemd passed sockets. */
    private static final class Jdk {
        private static final Field FD_FIELD;
        private static final Method ADDRESS_FAMILY;
        private static final Method PROTOCOL_FAMILY;
        private static final Constructor<? extends ServerSocketChannel> CONSTRUCTOR;

        static ServerSocketChannel channel(int fd) throws ReflectiveOperationException {
            var descriptor = new FileDescriptor();
            FD_FIELD.setInt(descriptor, fd);
            int family = (int) ADDRESS_FAMILY.invoke(null, fd);
            var protocol = (ProtocolFamily) PROTOCOL_FAMILY.invoke(null, family);
            return CONSTRUCTOR.newInstance(SelectorProvider.provider(), protocol, descriptor, true);
        }

        static {
            try {
                FD_FIELD = FileDescriptor.class.getDeclaredField("fd");
                FD_FIELD.setAccessible(true);
                var inherited = Class.forName("sun.nio.ch.InheritedChannel");
                ADDRESS_FAMILY = inherited.getDeclaredMethod("addressFamily", int.class);
                ADDRESS_FAMILY.setAccessible(true);
                PROTOCOL_FAMILY = inherited.getDeclaredMethod("protocolFamily", int.class);
                PROTOCOL_FAMILY.setAccessible(true);
                CONSTRUCTOR =
                        Class.forName("sun.nio.ch.ServerSocketChannelImpl")
                                .asSubclass(ServerSocketChannel.class)
                                .getDeclaredConstructor(
                                        SelectorProvider.class,
                                        ProtocolFamily.class,
                                        FileDescriptor.class,
                                        boolean.class);
                CONSTRUCTOR.setAccessible(true);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ExceptionInInitializerError(
                        "cannot adopt the sockets systemd passed: run java with --add-opens"
                                + " java.base/java.io=ALL-UNNAMED --add-opens"
                                + " java.base/sun.nio.ch=ALL-UNNAMED (java -jar home-web.jar has"
                                + " them in its manifest): "
                                + e);
            }
        }
    }
}
