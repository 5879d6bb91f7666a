"""Imports supplier invoices uploaded as UBL XML documents."""

import defusedxml.ElementTree as DefusedET
from flask import Blueprint, jsonify, request
from lxml import etree

from .ledger import record_invoice

imports = Blueprint("imports", __name__, url_prefix="/invoices/import")

UBL = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
}


@imports.post("/ubl")
def import_ubl():
    upload = request.files["document"]
    parser = etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False)
    document = etree.parse(upload.stream, parser)
    number = document.findtext("cbc:ID", namespaces=UBL)
    total = document.findtext("cac:LegalMonetaryTotal/cbc:PayableAmount", namespaces=UBL)
    supplier = document.findtext(
        "cac:AccountingSupplierParty/cac:Party/cac:PartyName/cbc:Name", namespaces=UBL
    )
    record_invoice(number=number, supplier=supplier, total=total)
    return jsonify(number=number, supplier=supplier, total=total), 201


@imports.post("/credit-note")
def import_credit_note():
    root = DefusedET.fromstring(request.get_data())
    number = root.findtext("{%s}ID" % UBL["cbc"])
    amount = root.findtext(".//{%s}PayableAmount" % UBL["cbc"])
    record_invoice(number=number, supplier=None, total=f"-{amount}")
    return jsonify(number=number, total=amount), 201
