"use strict";

const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 200;

function parsePositiveInt(value, fallback) {
  const parsed = Number.parseInt(value, 10);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

function pageRequest(query) {
  const page = parsePositiveInt(query.page, 1);
  const size = Math.min(parsePositiveInt(query.size, DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
  return { page, size, offset: (page - 1) * size };
}

function pageResponse(items, total, request) {
  const pages = Math.max(1, Math.ceil(total / request.size));
  return {
    items,
    total,
    page: request.page,
    pages,
    hasNext: request.page < pages,
    hasPrevious: request.page > 1,
  };
}

function paginateArray(items, query) {
  const request = pageRequest(query);
  return pageResponse(items.slice(request.offset, request.offset + request.size), items.length, request);
}

module.exports = { pageRequest, pageResponse, paginateArray };
