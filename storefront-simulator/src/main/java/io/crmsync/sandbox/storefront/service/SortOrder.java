package io.crmsync.sandbox.storefront.service;

import io.crmsync.sandbox.storefront.StoredObject;

import java.util.Comparator;

/**
 * How a list endpoint orders objects: by id, creation or modification time, ties broken by id in
 * the same direction so every order is total and cursors are unambiguous.
 */
public record SortOrder(Field field, boolean ascending) {

    public enum Field { ID, CREATED, UPDATED }

    /** Where an object sits in this order: the sort value (epoch seconds, 0 for id order) and the id. */
    public record Position(long value, String id) {
    }

    public Position position(StoredObject object) {
        return new Position(switch (field) {
            case ID -> 0L;
            case CREATED -> object.createdAt().getEpochSecond();
            case UPDATED -> object.updatedAt().getEpochSecond();
        }, object.id());
    }

    public Comparator<Position> positions() {
        Comparator<Position> natural = Comparator.comparingLong(Position::value)
                .thenComparing(Position::id, StoredObject::compareIds);
        return ascending ? natural : natural.reversed();
    }

    public Comparator<StoredObject> objects() {
        Comparator<Position> byPosition = positions();
        return (a, b) -> byPosition.compare(position(a), position(b));
    }

}
