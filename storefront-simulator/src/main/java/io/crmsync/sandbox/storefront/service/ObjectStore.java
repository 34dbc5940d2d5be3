package io.crmsync.sandbox.storefront.service;

import io.crmsync.sandbox.storefront.ObjectType;
import io.crmsync.sandbox.storefront.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The objects of every simulated store, in memory. */
@ApplicationScoped
public class ObjectStore {

    private final Map<Key, StoredObject> objects = new ConcurrentHashMap<>();

    /** The result of one write: the object as stored and whether its id was new. */
    public record Write(StoredObject object, boolean created) {
    }

    /**
     * Replaces (or creates) an object atomically: {@code change} sees the previous version (or
     * {@code null}) and returns the new one, so concurrent writes of one id cannot both be "created".
     */
    public Write write(String storeId, ObjectType type, String id, Function<StoredObject, StoredObject> change) {
        boolean[] created = new boolean[1];
        StoredObject stored = objects.compute(new Key(storeId, type, id), (key, previous) -> {
            created[0] = previous == null;
            return change.apply(previous);
        });
        return new Write(stored, created[0]);
    }

    public Optional<StoredObject> get(String storeId, ObjectType type, String id) {
        return Optional.ofNullable(objects.get(new Key(storeId, type, id)));
    }

    /** A snapshot of one store's objects of one type, unordered. */
    public List<StoredObject> all(String storeId, ObjectType type) {
        List<StoredObject> result = new ArrayList<>();
        objects.forEach((key, object) -> {
            if (key.storeId().equals(storeId) && key.type() == type) {
                result.add(object);
            }
        });
        return result;
    }

    /** Forgets every object of a store. */
    public int clear(String storeId) {
        int before = objects.size();
        objects.keySet().removeIf(key -> key.storeId().equals(storeId));
        return before - objects.size();
    }

    private record Key(String storeId, ObjectType type, String id) {
    }
}
