package io.crmsync.sandbox.storefront.service;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.sandbox.storefront.InvalidRequestException;
import io.crmsync.sandbox.storefront.ObjectType;
import io.crmsync.sandbox.storefront.generator.OrderShaper;
import io.crmsync.sandbox.storefront.generator.SampleOrder;
import io.crmsync.sandbox.storefront.generator.SampleOrderFactory;
import io.crmsync.sandbox.storefront.generator.ShapedOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Demo and benchmark traffic: N generated orders stored in a store, each preceded by its customer
 * (created, or updated for a repeat buyer), with the webhooks the platform sends for both.
 */
@ApplicationScoped
public class GeneratorService {

    private static final Logger LOG = Logger.getLogger(GeneratorService.class);
    static final int MAX_ORDERS = 10_000;
    private static final String CURRENCY = "USD";

    private final StoreDirectory stores;
    private final SeedService seeder;
    private final Map<Platform, OrderShaper> shapers = new EnumMap<>(Platform.class);

    public GeneratorService(StoreDirectory stores, SeedService seeder, Instance<OrderShaper> shapers) {
        this.stores = stores;
        this.seeder = seeder;
        shapers.forEach(s -> this.shapers.put(s.platform(), s));
    }

    /**
     * @param deliveries how many webhooks ended in each delivery result ({@code delivered}, {@code retrying}, ...)
     */
    public record Generated(String storeId, String platform, List<String> orders, List<String> customers,
                            Map<String, Integer> deliveries) {
    }

    public Generated generate(String storeId, int count, long seed, boolean notify, Instant createdBefore) {
        Store store = stores.require(storeId);
        if (count < 1 || count > MAX_ORDERS) {
            throw new InvalidRequestException("orders must be between 1 and " + MAX_ORDERS);
        }
        OrderShaper shaper = shapers.get(store.platform());
        if (shaper == null) {
            throw new InvalidRequestException("the generator does not write " + store.platform().wire() + " orders");
        }
        List<String> orders = new ArrayList<>();
        Set<String> customers = new LinkedHashSet<>();
        Map<String, Integer> deliveries = new TreeMap<>();
        for (SampleOrder sample : SampleOrderFactory.generate(seed, count, createdBefore == null ? Instant.now() : createdBefore, CURRENCY)) {
            ShapedOrder shaped = shaper.shape(sample);
            SeedService.Seeded customer = seeder.seed(storeId, ObjectType.CUSTOMERS, shaped.customerId(), shaped.customer(), notify);
            SeedService.Seeded order = seeder.seed(storeId, ObjectType.ORDERS, shaped.orderId(), shaped.order(), notify);
            deliveries.merge(customer.delivery().result(), 1, Integer::sum);
            deliveries.merge(order.delivery().result(), 1, Integer::sum);
            customers.add(shaped.customerId());
            orders.add(shaped.orderId());
        }
        LOG.infof("generated %d orders (%d customers) in %s, seed %d, webhooks %s", orders.size(), customers.size(),
                storeId, seed, deliveries);
        return new Generated(storeId, store.platform().wire(), orders, List.copyOf(customers), deliveries);
    }
}
