package io.crmsync.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code -Dnative -Dquarkus.native.sources-only=true} generated for each service
 * (target/native-sources): the native-image arguments, and the reflection metadata Quarkus wrote
 * into the runner jar, checked against that service's own classpath. Only the native profile runs it:
 * <pre>./mvnw -B verify -Dnative -Dquarkus.native.sources-only=true \
 *   -pl webhook-ingress,normalizer,dedup-service,crm-writer,reconciler,deploy-check -am \
 *   -Dtest='NativeImageSourcesTest' -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("native")
class NativeImageSourcesTest {

    static Stream<String> services() {
        return HelmChartTest.SERVICES.stream();
    }

    @ParameterizedTest
    @MethodSource("services")
    void nativeImageArgumentsAndReflectionMetadataHold(String service) throws Exception {
        Path sources = Manifests.root().resolve(service).resolve("target/native-sources");
        assertThat(sources.resolve("native-image.args")).as("run the native profile with sources-only first").exists();
        String args = Files.readString(sources.resolve("native-image.args"));
        Path runner = sources.resolve(service + "-0.1.0-SNAPSHOT-runner.jar");
        assertThat(runner).exists();
        assertThat(args).contains("--no-fallback", "--link-at-build-time", "-jar " + runner.getFileName(),
                service + "-0.1.0-SNAPSHOT-runner");
        assertThat(args).as("Quarkus's generated feature registers the build steps' reflection")
                .containsPattern("--features=\\S*\\bio\\.quarkus\\.runner\\.Feature\\b");
        if (service.equals("normalizer")) {
            // libphonenumber reads its metadata as resources.
            assertThat(resourceConfig(runner)).contains("com/google/i18n/phonenumbers/data");
        }

        List<String> registered = new ArrayList<>();
        JsonNode reflection = readFromJar(runner, "META-INF/native-image/reflect-config.json");
        reflection.forEach(entry -> registered.add(entry.path("name").asText()));
        for (Class<?> type : ReflectionRegistrationTest.contractDataTypes()) {
            assertThat(registered).as("%s registers %s", service, type.getName()).contains(type.getName());
        }
        assertThat(registered).contains("io.crmsync.commons.tenant.TenantRegistryLoader$RawTenant");

        // Every class named in the reflection metadata exists on the image's classpath (runner + lib/).
        List<URL> classpath = new ArrayList<>();
        classpath.add(runner.toUri().toURL());
        try (Stream<Path> libs = Files.walk(sources.resolve("lib"))) {
            for (Path lib : libs.filter(f -> f.toString().endsWith(".jar")).toList()) {
                classpath.add(lib.toUri().toURL());
            }
        }
        List<String> missing = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(classpath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            for (String registeredName : registered) {
                // Arrays are named as the JVM names them ([Lx.Y;): their element class must exist.
                String name = registeredName.replaceAll("^\\[+L(.*);$", "$1");
                boolean present = exists(loader, name)
                        // Hibernate asks for the JPA static metamodel (Entity_) of each entity; we generate none.
                        || name.endsWith("_") && exists(loader, name.substring(0, name.length() - 1));
                if (!present && !optionalElsewhere(name)) {
                    missing.add(registeredName);
                }
            }
        }
        assertThat(missing).as("%s: classes in reflect-config.json absent from the classpath", service).isEmpty();
    }

    /**
     * Names the metadata may hold without this classpath having them: JDK 21 classes (the Mandrel
     * builder runs JDK 21, these tests JDK 17, e.g. {@code java.lang.Thread$Builder}), the IBM JVM's
     * management beans Micrometer probes for, and the Testcontainers JDBC driver Quarkus's datasource
     * registers in case Dev Services use it; native-image skips absent entries.
     */
    private static boolean optionalElsewhere(String name) {
        return name.startsWith("java.") || name.startsWith("com.ibm.lang.management.")
                || name.startsWith("org.testcontainers.");
    }

    private static boolean exists(ClassLoader loader, String name) {
        return loader.getResource(name.replace('.', '/') + ".class") != null || isPlatformClass(name);
    }

    private static boolean isPlatformClass(String name) {
        try {
            Class.forName(name, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String resourceConfig(Path runner) throws Exception {
        return readFromJar(runner, "META-INF/native-image/resource-config.json").toString();
    }

    private static JsonNode readFromJar(Path jar, String entry) throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            var found = file.getJarEntry(entry);
            assertThat(found).as("%s in %s", entry, jar.getFileName()).isNotNull();
            return new ObjectMapper().readTree(file.getInputStream(found));
        }
    }
}
