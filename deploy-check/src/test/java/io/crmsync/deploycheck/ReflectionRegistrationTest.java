package io.crmsync.deploycheck;

import io.crmsync.commons.messaging.ContractReflection;
import io.crmsync.contract.EventCodec;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a native image binds with Jackson by reflection is registered: every record and enum of the
 * contract's data packages (ContractReflection) and every record the tenant registry loader reads YAML into
 * (RegistryReflection). Runs on the JVM in every build; the native profile's NativeImageSourcesTest
 * then finds the same classes in the generated reflect-config.json.
 */
class ReflectionRegistrationTest {

    static List<Class<?>> contractDataTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path jar = Path.of(EventCodec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classNames = new ArrayList<>();
        if (Files.isDirectory(jar)) {
            try (Stream<Path> files = Files.walk(jar)) {
                files.map(f -> jar.relativize(f).toString()).forEach(classNames::add);
            }
        } else {
            try (JarFile file = new JarFile(jar.toFile())) {
                file.stream().map(e -> e.getName()).forEach(classNames::add);
            }
        }
        List<Class<?>> types = new ArrayList<>();
        for (String entry : classNames) {
            // The event data lives in the sub-packages (model, command, control, result, webhook); the root
            // package holds the codec and its metadata (EventType, Origin), which Jackson never binds.
            if (entry.matches("io/crmsync/contract/[a-z]+/.+\\.class")) {
                Class<?> type = Class.forName(entry.replace('/', '.').replace(".class", ""), false,
                        ReflectionRegistrationTest.class.getClassLoader());
                if (type.isRecord() || type.isEnum()) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    @Test
    void everyContractRecordAndEnumIsRegistered() throws Exception {
        List<Class<?>> types = contractDataTypes();
        assertThat(types).as("the contract's records").hasSizeGreaterThan(20);
        List<Class<?>> registered = Arrays.asList(ContractReflection.class.getAnnotation(RegisterForReflection.class).targets());
        assertThat(registered).containsAll(types);
    }

    @Test
    void everyRecordTheRegistryLoaderBindsIsRegistered() throws Exception {
        Class<?> registration = Class.forName("io.crmsync.commons.tenant.RegistryReflection");
        List<Class<?>> registered = Arrays.asList(registration.getAnnotation(RegisterForReflection.class).targets());
        Class<?> loader = Class.forName("io.crmsync.commons.tenant.TenantRegistryLoader");
        List<Class<?>> bound = Arrays.stream(loader.getDeclaredClasses()).filter(Class::isRecord).toList();
        assertThat(bound).isNotEmpty();
        assertThat(registered).containsAll(bound);
        for (Class<?> record : bound) {
            for (var component : record.getRecordComponents()) {
                Class<?> type = component.getType();
                if (type.getPackageName().startsWith("io.crmsync")) {
                    assertThat(registered).as("%s.%s", record.getSimpleName(), component.getName()).contains(type);
                }
            }
        }
    }
}
