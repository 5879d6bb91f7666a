package api

import (
	"net/url"
	"strconv"
)

const (
	defaultPageSize = 25
	maxPageSize     = 200
)

type Page struct {
	Number int
	Size   int
}

func (p Page) Offset() int { return (p.Number - 1) * p.Size }

// ParsePage reads page and size from a query string; missing or non-positive values fall back to defaults.
func ParsePage(q url.Values) Page {
	p := Page{Number: 1, Size: defaultPageSize}
	if n, err := strconv.Atoi(q.Get("page")); err == nil && n > 0 {
		p.Number = n
	}
	if s, err := strconv.Atoi(q.Get("size")); err == nil && s > 0 {
		p.Size = min(s, maxPageSize)
	}
	return p
}

type PageInfo struct {
	Total   int  `json:"total"`
	Pages   int  `json:"pages"`
	HasNext bool `json:"has_next"`
}

func Info(p Page, total int) PageInfo {
	pages := (total + p.Size - 1) / p.Size
	if pages == 0 {
		pages = 1
	}
	return PageInfo{Total: total, Pages: pages, HasNext: p.Number < pages}
}
