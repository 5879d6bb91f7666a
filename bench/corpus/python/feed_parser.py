"""Receives partner stock feeds posted as XML and counts the items."""

import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges, feature_external_pes

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


class StockFeedHandler(ContentHandler):
    """Collects SKU and quantity pairs from <item sku="..." qty="..."/> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[str, int] = {}

    def startElement(self, name, attrs):  # noqa: N802 (SAX callback name)
        if name == "item":
            self.items[attrs.get("sku")] = int(attrs.get("qty", "0"))


@csrf_exempt
@require_POST
def receive_stock_feed(request):
    handler = StockFeedHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(request)
    return JsonResponse({"items": len(handler.items)})


@csrf_exempt
@require_POST
def receive_price_feed(request):
    handler = StockFeedHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    parser.setContentHandler(handler)
    parser.parse(request)
    return JsonResponse({"items": len(handler.items)})
