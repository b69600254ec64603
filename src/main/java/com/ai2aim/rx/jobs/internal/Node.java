package com.ai2aim.rx.jobs.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This copy of the service's name in run history and in db-scheduler's {@code picked_by}: {@code rx.jobs.node}, or the
 * host name plus a random suffix so that two copies on one host are told apart.
 */
@Component
class Node {

    private final String name;

    Node(JobsProperties properties) {
        this.name = properties.node().isBlank() ? host() + "-" + UUID.randomUUID().toString().substring(0, 8) : properties.node();
    }

    String name() {
        return name;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "rx";
        }
    }
}
