package org.bnn.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a user asked an exploration to run, as Spark names it: {@code local}, {@code local[N]}, {@code local[*]},
 * {@code local[N,F]} (embedded), {@code spark://HOST:PORT[,HOST:PORT...]} (a standalone cluster), {@code yarn},
 * {@code k8s://...}, or {@code submit}: what spark-submit was given. Checked before anything runs, so that a typo
 * or a master out of reach is one line and no output.
 *
 * @param url the master URL Spark is given; empty for {@code submit} (spark-submit's own)
 */
public record SparkMaster(Optional<String> url) {
    /** The word that stands for "the master spark-submit was given". */
    public static final String SUBMIT = "submit";
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?\\])?");
    private static final Pattern STANDALONE = Pattern.compile("spark://(.+)");
    private static final Pattern HOST_PORT = Pattern.compile("([^:,/\\s]+):([0-9]{1,5})");
    private static final int CONNECT_MILLIS = 3000;

    /**
     * Reads and checks a master: well formed, and for a standalone cluster, at least one of its masters accepts a
     * connection.
     *
     * @param submitted the master spark-submit set (its {@code spark.master} property), if any
     * @throws IllegalArgumentException with one line saying what is wrong
     */
    public static SparkMaster parse(String text, Optional<String> submitted) {
        String master = text == null ? "" : text.strip();
        if (master.equals(SUBMIT)) {
            if (submitted.isEmpty()) {
                throw new IllegalArgumentException("'" + SUBMIT + "' runs on the master spark-submit was given, and this JVM was not"
                        + " started by spark-submit (it has no spark.master)");
            }
            return new SparkMaster(Optional.empty());
        }
        if (LOCAL.matcher(master).matches() || master.equals("yarn") || master.startsWith("k8s://") && master.length() > 6) {
            return new SparkMaster(Optional.of(master));
        }
        Matcher standalone = STANDALONE.matcher(master);
        if (standalone.matches()) {
            requireReachable(master, hosts(master, standalone.group(1)));
            return new SparkMaster(Optional.of(master));
        }
        throw new IllegalArgumentException("not a Spark master: '" + master + "'; give local[N], spark://HOST:PORT, yarn, k8s://URL or "
                + SUBMIT);
    }

    /** True for an embedded master: the tasks run in this JVM's threads, so no job jar needs to travel. */
    public boolean embedded() {
        return url.isPresent() && url.get().startsWith("local");
    }

    private static List<InetSocketAddress> hosts(String master, String list) {
        List<InetSocketAddress> hosts = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            Matcher hostPort = HOST_PORT.matcher(part);
            int port = hostPort.matches() ? Integer.parseInt(hostPort.group(2)) : -1;
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("not a Spark master: '" + master + "'; a standalone master is spark://HOST:PORT");
            }
            hosts.add(InetSocketAddress.createUnresolved(hostPort.group(1), port));
        }
        return hosts;
    }

    /** At least one master of the list takes a TCP connection (Spark itself would retry for a minute, then give up). */
    private static void requireReachable(String master, List<InetSocketAddress> hosts) {
        List<String> problems = new ArrayList<>();
        for (InetSocketAddress host : hosts) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host.getHostString(), host.getPort()), CONNECT_MILLIS);
                return;
            } catch (IOException e) {
                problems.add(host.getHostString() + ":" + host.getPort() + " (" + describe(e) + ")");
            }
        }
        throw new IllegalArgumentException("cannot reach the Spark master at " + String.join(", ", problems));
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e instanceof java.net.UnknownHostException ? "unknown host" : message == null ? e.getClass().getSimpleName() : message;
    }
}
