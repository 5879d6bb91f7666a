package com.acme.common.paging;

import java.util.List;

/** Offset paging shared by the list endpoints. */
public record PageRequest(int number, int size) {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        number = Math.max(number, 1);
        size = size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public int offset() {
        return (number - 1) * size;
    }

    public <T> Page<T> slice(List<T> all) {
        int from = Math.min(offset(), all.size());
        int to = Math.min(from + size, all.size());
        return new Page<>(all.subList(from, to), number, size, all.size());
    }

    public record Page<T>(List<T> items, int number, int size, long total) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasNext() {
            return number < pages();
        }

        public boolean hasPrevious() {
            return number > 1;
        }
    }
}
