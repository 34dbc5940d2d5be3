package io.crmsync.testkit.stack;

import io.crmsync.testkit.KafkaBroker;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** The local stack's broker as a process of its own: {@code KafkaMain <logDir> <port> <controllerPort>}. */
public final class KafkaMain {

    private KafkaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        KafkaBroker broker = new KafkaBroker(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), 3);
        broker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-stop"));
        System.out.println("kafka ready on " + broker.bootstrapServers());
        new CountDownLatch(1).await();
    }
}
