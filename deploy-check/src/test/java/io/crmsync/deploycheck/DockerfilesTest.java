package io.crmsync.deploycheck;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each service ships a fast-jar image and a multi-stage native image on the agreed base images. */
class DockerfilesTest {

    static Stream<String> services() {
        return HelmChartTest.SERVICES.stream();
    }

    @ParameterizedTest
    @MethodSource("services")
    void jvmAndNativeDockerfiles(String service) throws IOException {
        Path docker = Manifests.root().resolve(service).resolve("src/main/docker");
        String jvm = Files.readString(docker.resolve("Dockerfile.jvm"));
        assertThat(jvm).contains("FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:",
                "target/quarkus-app/lib/", "quarkus-run.jar", "USER 185");
        String nativeImage = Files.readString(docker.resolve("Dockerfile.native"));
        assertThat(nativeImage).contains("FROM quay.io/quarkus/ubi-quarkus-mandrel-builder-image:jdk-21 AS build",
                "-pl " + service + " -am package -Dnative", "FROM quay.io/quarkus/ubi9-quarkus-micro-image:2.0",
                "COPY --from=build", "/code/" + service + "/target/*-runner", "USER 1001");
    }
}
