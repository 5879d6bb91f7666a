"""Product lookups against the supplier's nightly XML catalogue."""

from functools import lru_cache

from flask import Blueprint, current_app, jsonify, request
from lxml import etree

catalog = Blueprint("catalog", __name__, url_prefix="/catalog")


@lru_cache(maxsize=1)
def load_catalogue(path: str) -> etree._ElementTree:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(path, parser)


def _catalogue() -> etree._ElementTree:
    return load_catalogue(current_app.config["SUPPLIER_CATALOGUE"])


@catalog.get("/items")
def items_by_brand():
    brand = request.args.get("brand", "")
    names = _catalogue().xpath("//item[brand='" + brand + "']/name/text()")
    return jsonify(brand=brand, items=[str(name) for name in names])


@catalog.get("/items/<sku>")
def item_by_sku(sku: str):
    matches = _catalogue().xpath("//item[@sku = $sku]", sku=sku)
    if not matches:
        return jsonify(error="not found"), 404
    item = matches[0]
    return jsonify(sku=sku, name=item.findtext("name"), price=item.findtext("price"))
