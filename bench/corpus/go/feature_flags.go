package flags

import (
	"encoding/json"
	"io"
	"sync"
)

type Flag struct {
	Enabled bool     `json:"enabled"`
	Teams   []string `json:"teams,omitempty"`
}

// Set holds feature flags loaded from the flags file mounted into the pod.
type Set struct {
	mu    sync.RWMutex
	flags map[string]Flag
}

func Load(r io.Reader) (*Set, error) {
	var flags map[string]Flag
	if err := json.NewDecoder(r).Decode(&flags); err != nil {
		return nil, err
	}
	return &Set{flags: flags}, nil
}

// Enabled reports whether name is on for the given team; team lists override the global switch.
func (s *Set) Enabled(name, team string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	f, ok := s.flags[name]
	if !ok {
		return false
	}
	if len(f.Teams) > 0 {
		for _, t := range f.Teams {
			if t == team {
				return true
			}
		}
		return false
	}
	return f.Enabled
}

func (s *Set) Replace(other *Set) {
	other.mu.RLock()
	defer other.mu.RUnlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.flags = other.flags
}
