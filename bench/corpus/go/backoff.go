package client

import (
	"context"
	"errors"
	"math/rand"
	"net/http"
	"time"
)

var ErrGaveUp = errors.New("gave up after retries")

// jittered spreads retries from many clients so they do not hit the server in lockstep.
func jittered(base time.Duration, attempt int) time.Duration {
	max := base << attempt
	return time.Duration(rand.Int63n(int64(max)))
}

// pickReplica spreads reads over the replicas.
func pickReplica(replicas []string) string {
	return replicas[rand.Intn(len(replicas))]
}

func GetWithRetry(ctx context.Context, c *http.Client, replicas []string, path string) (*http.Response, error) {
	for attempt := 0; attempt < 5; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, pickReplica(replicas)+path, nil)
		if err != nil {
			return nil, err
		}
		resp, err := c.Do(req)
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
		if resp != nil {
			resp.Body.Close()
		}
		select {
		case <-time.After(jittered(100*time.Millisecond, attempt)):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return nil, ErrGaveUp
}
