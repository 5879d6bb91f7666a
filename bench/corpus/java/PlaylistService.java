package com.acme.radio.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Builds the in-store music playlist for each day. */
public class PlaylistService {

    private final TrackCatalog catalog;

    public PlaylistService(TrackCatalog catalog) {
        this.catalog = catalog;
    }

    public List<Track> playlistFor(String storeId, int tracks) {
        List<Track> pool = new ArrayList<>(catalog.tracksLicensedFor(storeId));
        Collections.shuffle(pool);
        return pool.subList(0, Math.min(tracks, pool.size()));
    }

    /** Same store and day give the same order, so a replayed day sounds the same. */
    public List<Track> replay(String storeId, long day, int tracks) {
        List<Track> pool = new ArrayList<>(catalog.tracksLicensedFor(storeId));
        Collections.shuffle(pool, new Random(storeId.hashCode() * 31L + day));
        return pool.subList(0, Math.min(tracks, pool.size()));
    }
}
