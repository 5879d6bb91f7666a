"""Server-rendered fallback search page for clients without JavaScript."""

import html

from flask import Blueprint, make_response, request

from .catalog import search_products

search = Blueprint("search", __name__)

PAGE = """<!doctype html>
<html><head><title>Search</title></head>
<body>{body}</body></html>"""


def _result_list(products) -> str:
    items = "".join(
        f'<li><a href="/p/{p.id}">{html.escape(p.title)}</a> {html.escape(p.price_label)}</li>'
        for p in products
    )
    return f"<ul>{items}</ul>"


@search.get("/search")
def search_results():
    query = request.args.get("q", "")
    products = search_products(query, limit=25)
    if not products:
        body = f"<p>No results for <strong>{query}</strong>.</p>"
    else:
        body = f"<h1>Results for {html.escape(query)}</h1>" + _result_list(products)
    response = make_response(PAGE.format(body=body))
    response.headers["Content-Type"] = "text/html; charset=utf-8"
    return response


@search.get("/search/empty")
def empty_state():
    query = html.escape(request.args.get("q", ""))
    return f"<p>Nothing matched <em>{query}</em>. Try fewer words.</p>"
