package io.crmsync.commons.tenant;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenant registry every service reads (path in {@code CRMSYNC_TENANTS_FILE}). Re-read when the
 * file changes, so a rotated Secret takes effect without a restart; a broken new version is
 * refused and the last good one stays in force.
 */
@Startup
@ApplicationScoped
public class Tenants {

    private static final Logger LOG = Logger.getLogger(Tenants.class);

    private final Path file;
    private final TenantRegistryLoader loader = new TenantRegistryLoader();
    private volatile TenantRegistry current;
    private volatile FileTime loadedVersion;

    public Tenants(@ConfigProperty(name = "crmsync.tenants.file") String file) {
        this.file = Path.of(file);
        this.loadedVersion = modifiedTime();
        this.current = loader.load(this.file);
        LOG.infof("tenant registry %s: %d tenants", file, current.tenants().size());
    }

    public List<Tenant> all() {
        return current.tenants();
    }

    public Optional<Tenant> tenant(String tenantId) {
        return current.tenant(tenantId);
    }

    public Optional<StoreBinding> store(String storeId) {
        return current.store(storeId);
    }

    /** Kubernetes swaps Secret mounts through a symlink; the modified time of the target moves. */
    @Scheduled(every = "${crmsync.tenants.reload-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reloadIfChanged() {
        FileTime seen = modifiedTime();
        if (Objects.equals(seen, loadedVersion)) {
            return;
        }
        try {
            current = loader.load(file);
            loadedVersion = seen;
            LOG.infof("tenant registry %s re-read: %d tenants", file, current.tenants().size());
        } catch (InvalidRegistryException e) {
            loadedVersion = seen;
            LOG.errorf("tenant registry %s changed but is invalid, keeping the previous version: %s", file, e.getMessage());
        }
    }

    private FileTime modifiedTime() {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }
}
