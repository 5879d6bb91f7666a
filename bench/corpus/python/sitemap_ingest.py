"""Ingests customer sitemaps so the crawler knows which pages to index."""

import io
from typing import Annotated

from fastapi import APIRouter, File, UploadFile
from lxml import etree

router = APIRouter(prefix="/sites")

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@router.post("/{site_id}/sitemap")
async def upload_sitemap(site_id: int, sitemap: Annotated[UploadFile, File()]):
    data = await sitemap.read()
    urls = []
    for _, element in etree.iterparse(
        io.BytesIO(data), events=("end",), load_dtd=True, resolve_entities=True
    ):
        if element.tag == f"{SITEMAP_NS}loc":
            urls.append(element.text)
        element.clear()
    return {"site": site_id, "urls": len(urls)}


@router.post("/{site_id}/sitemap-index")
async def upload_sitemap_index(site_id: int, index: Annotated[UploadFile, File()]):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(await index.read(), parser)
    children = [loc.text for loc in root.iter(f"{SITEMAP_NS}loc")]
    return {"site": site_id, "sitemaps": children}
