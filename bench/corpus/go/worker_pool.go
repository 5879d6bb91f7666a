package worker

import (
	"context"
	"sync"
)

// Map runs fn over inputs with at most limit goroutines and keeps the input order.
func Map[T, R any](ctx context.Context, inputs []T, limit int, fn func(context.Context, T) (R, error)) ([]R, error) {
	results := make([]R, len(inputs))
	errs := make([]error, len(inputs))
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	for i, in := range inputs {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return nil, ctx.Err()
		}
		wg.Add(1)
		go func(i int, in T) {
			defer wg.Done()
			defer func() { <-sem }()
			results[i], errs[i] = fn(ctx, in)
		}(i, in)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return results, nil
}
