package jobs

import (
	"context"
	"encoding/gob"
	"net/http"
	"os"
	"os/exec"
	"time"
)

// Job is anything the worker pool can run.
type Job interface {
	Run(ctx context.Context) error
}

type ReindexJob struct{ Index string }

type ShellJob struct {
	Command string
	Args    []string
}

func (j ReindexJob) Run(ctx context.Context) error { return nil }

func (j ShellJob) Run(ctx context.Context) error {
	return exec.CommandContext(ctx, j.Command, j.Args...).Run()
}

func init() {
	gob.Register(ReindexJob{})
	gob.Register(ShellJob{})
}

// Enqueue accepts a gob-encoded job from the scheduler service.
func Enqueue(queue chan<- Job) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var job Job
		if err := gob.NewDecoder(r.Body).Decode(&job); err != nil {
			http.Error(w, "malformed job", http.StatusBadRequest)
			return
		}
		queue <- job
		w.WriteHeader(http.StatusAccepted)
	}
}

// RestorePending reloads the jobs this process wrote to its own spool file before shutting down.
func RestorePending(spool string, queue chan<- Job) error {
	f, err := os.Open(spool)
	if err != nil {
		return err
	}
	defer f.Close()
	var pending []Job
	if err := gob.NewDecoder(f).Decode(&pending); err != nil {
		return err
	}
	for _, job := range pending {
		select {
		case queue <- job:
		case <-time.After(time.Second):
			return context.DeadlineExceeded
		}
	}
	return nil
}
