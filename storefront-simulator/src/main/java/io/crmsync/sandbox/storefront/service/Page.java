package io.crmsync.sandbox.storefront.service;

import java.util.List;

/**
 * One page of an offset-paginated list (WooCommerce, BigCommerce).
 *
 * @param number     1-based page number
 * @param totalItems items across all pages
 */
public record Page<T>(List<T> items, int number, int size, int totalItems) {

    public static <T> Page<T> of(List<T> all, int number, int size) {
        int from = Math.min(all.size(), (number - 1) * size);
        int to = Math.min(all.size(), from + size);
        return new Page<>(List.copyOf(all.subList(from, to)), number, size, all.size());
    }

    public int totalPages() {
        return (totalItems + size - 1) / size;
    }

    public boolean hasNext() {
        return number < totalPages();
    }

    public boolean hasPrevious() {
        return number > 1;
    }
}
