package io.crmsync.sandbox.storefront.rest;

import io.crmsync.sandbox.storefront.StoredObject;
import io.crmsync.sandbox.storefront.platform.TimeFormats;
import jakarta.ws.rs.core.MultivaluedMap;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adobe Commerce's {@code searchCriteria} as a GET query: {@code [filter_groups][i][filters][j][field|value|condition_type]}
 * (filters of one group OR-ed, groups AND-ed), {@code [sortOrders][k][field|direction]},
 * {@code [pageSize]}, {@code [currentPage]}; and its echo in the answer's {@code search_criteria}.
 *
 * @param pageSize    null when not given: Commerce then answers every match on one page
 * @param currentPage 1 when not given
 */
record AdobeSearchCriteria(List<List<Filter>> filterGroups, List<Sort> sortOrders, Integer pageSize, int currentPage) {

    private static final Pattern FILTER = Pattern.compile(
            "searchCriteria\\[filter_groups]\\[(\\d+)]\\[filters]\\[(\\d+)]\\[(field|value|condition_type)]");
    private static final Pattern SORT = Pattern.compile("searchCriteria\\[sortOrders]\\[(\\d+)]\\[(field|direction)]");
    private static final List<String> CONDITIONS = List.of("eq", "neq", "gt", "gteq", "lt", "lteq", "from", "to", "in", "nin",
            "moreq");

    record Filter(String field, String value, String conditionType) {
    }

    record Sort(String field, String direction) {
    }

    /** What Commerce refuses with a 400. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    static AdobeSearchCriteria parse(MultivaluedMap<String, String> query) {
        Map<Integer, Map<Integer, Map<String, String>>> groups = new TreeMap<>();
        Map<Integer, Map<String, String>> sorts = new TreeMap<>();
        query.forEach((name, values) -> {
            Matcher filter = FILTER.matcher(name);
            if (filter.matches()) {
                groups.computeIfAbsent(Integer.parseInt(filter.group(1)), g -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(filter.group(2)), f -> new LinkedHashMap<>())
                        .put(filter.group(3), values.get(0));
            }
            Matcher sort = SORT.matcher(name);
            if (sort.matches()) {
                sorts.computeIfAbsent(Integer.parseInt(sort.group(1)), s -> new LinkedHashMap<>()).put(sort.group(2), values.get(0));
            }
        });
        List<List<Filter>> filterGroups = new ArrayList<>();
        groups.values().forEach(group -> filterGroups.add(group.values().stream().map(f -> {
            String condition = f.getOrDefault("condition_type", "eq").toLowerCase(Locale.ROOT);
            if (f.get("field") == null || !CONDITIONS.contains(condition)) {
                throw new Invalid("Invalid search criteria filter: field " + f.get("field") + ", condition_type " + condition);
            }
            return new Filter(f.get("field"), f.getOrDefault("value", ""), condition);
        }).toList()));
        List<Sort> sortOrders = sorts.values().stream().map(s -> {
            String direction = s.getOrDefault("direction", "ASC").toUpperCase(Locale.ROOT);
            if (s.get("field") == null || !(direction.equals("ASC") || direction.equals("DESC"))) {
                throw new Invalid("Invalid sort order: field " + s.get("field") + ", direction " + direction);
            }
            return new Sort(s.get("field"), direction);
        }).toList();
        Integer pageSize = positive(query.getFirst("searchCriteria[pageSize]"), "pageSize");
        Integer currentPage = positive(query.getFirst("searchCriteria[currentPage]"), "currentPage");
        return new AdobeSearchCriteria(filterGroups, sortOrders, pageSize, currentPage == null ? 1 : currentPage);
    }

    /**
     * The page Commerce answers. A {@code currentPage} past the last page gets the last page again
     * (Magento's collection clamps the page number): a client must stop by {@code total_count}.
     */
    List<StoredObject> page(List<StoredObject> sorted) {
        if (pageSize == null || sorted.isEmpty()) {
            return sorted;
        }
        int lastPage = (sorted.size() + pageSize - 1) / pageSize;
        int page = Math.min(currentPage, lastPage);
        int from = (page - 1) * pageSize;
        return sorted.subList(from, Math.min(sorted.size(), from + pageSize));
    }

    /** Every group must hold, one filter of a group is enough. */
    Predicate<StoredObject> matcher(Function<StoredObject, Function<String, Optional<String>>> of) {
        return o -> filterGroups.stream().allMatch(group -> group.stream().anyMatch(f -> matches(f, of.apply(o))));
    }

    /** Ordered by the sort orders, ties by id ascending, as the database's primary key would. */
    Comparator<StoredObject> order(Function<StoredObject, Function<String, Optional<String>>> of) {
        Comparator<StoredObject> order = (a, b) -> 0;
        for (Sort sort : sortOrders) {
            Comparator<StoredObject> by = (a, b) -> compare(of.apply(a).apply(sort.field()).orElse(null),
                    of.apply(b).apply(sort.field()).orElse(null), sort.field());
            order = order.thenComparing(sort.direction().equals("DESC") ? by.reversed() : by);
        }
        return order.thenComparing(StoredObject::id, StoredObject::compareIds);
    }

    /** The {@code search_criteria} echo of the answer. */
    Map<String, Object> echo() {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("filter_groups", filterGroups.stream().map(group -> Map.of("filters", group.stream().map(f -> {
            Map<String, Object> filter = new LinkedHashMap<>();
            filter.put("field", f.field());
            filter.put("value", f.value());
            filter.put("condition_type", f.conditionType());
            return filter;
        }).toList())).toList());
        if (!sortOrders.isEmpty()) {
            echo.put("sort_orders", sortOrders.stream().map(s -> {
                Map<String, Object> sort = new LinkedHashMap<>();
                sort.put("field", s.field());
                sort.put("direction", s.direction());
                return sort;
            }).toList());
        }
        if (pageSize != null) {
            echo.put("page_size", pageSize);
        }
        echo.put("current_page", currentPage);
        return echo;
    }

    private static boolean matches(Filter filter, Function<String, Optional<String>> fields) {
        Optional<String> actual = fields.apply(filter.field());
        String value = filter.value();
        return switch (filter.conditionType()) {
            case "eq" -> actual.isPresent() && compare(actual.get(), value, filter.field()) == 0;
            case "neq" -> actual.isEmpty() || compare(actual.get(), value, filter.field()) != 0;
            case "gt" -> actual.isPresent() && compare(actual.get(), value, filter.field()) > 0;
            case "gteq", "from", "moreq" -> actual.isPresent() && compare(actual.get(), value, filter.field()) >= 0;
            case "lt" -> actual.isPresent() && compare(actual.get(), value, filter.field()) < 0;
            case "lteq", "to" -> actual.isPresent() && compare(actual.get(), value, filter.field()) <= 0;
            case "in" -> actual.isPresent() && list(value).stream().anyMatch(v -> compare(actual.get(), v, filter.field()) == 0);
            case "nin" -> actual.isEmpty() || list(value).stream().noneMatch(v -> compare(actual.get(), v, filter.field()) == 0);
            default -> false;
        };
    }

    /** Times ({@code *_at}) as instants, numbers as numbers, anything else as text ignoring case (MySQL's collation). */
    private static int compare(String a, String b, String field) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (field.endsWith("_at")) {
            Optional<Instant> x = TimeFormats.parseAdobe(a);
            Optional<Instant> y = TimeFormats.parseAdobe(b);
            if (x.isPresent() && y.isPresent()) {
                return x.get().compareTo(y.get());
            }
            if (y.isEmpty()) {
                throw new Invalid("Invalid value of \"" + b + "\" provided for the " + field + " field.");
            }
        }
        try {
            return new BigDecimal(a.trim()).compareTo(new BigDecimal(b.trim()));
        } catch (NumberFormatException e) {
            return a.compareToIgnoreCase(b);
        }
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).toList();
    }

    private static Integer positive(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new Invalid("Invalid value of \"" + value + "\" provided for the " + name + " field.");
        }
    }
}
