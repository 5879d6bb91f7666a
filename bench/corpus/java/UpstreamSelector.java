package com.acme.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Picks a backend for each proxied request: two random choices, then the less loaded. */
public class UpstreamSelector {

    private final List<Upstream> upstreams;

    public UpstreamSelector(List<Upstream> upstreams) {
        if (upstreams.isEmpty()) {
            throw new IllegalArgumentException("at least one upstream is required");
        }
        this.upstreams = List.copyOf(upstreams);
    }

    public URI choose() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Upstream first = upstreams.get(random.nextInt(upstreams.size()));
        Upstream second = upstreams.get(random.nextInt(upstreams.size()));
        Upstream chosen = first.inFlight() <= second.inFlight() ? first : second;
        return chosen.baseUri();
    }

    public int healthyCount() {
        return (int) upstreams.stream().filter(Upstream::healthy).count();
    }
}
