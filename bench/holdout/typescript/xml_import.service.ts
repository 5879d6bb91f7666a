import { Injectable, BadRequestException } from '@nestjs/common';
import * as libxmljs from 'libxmljs2';
import { DOMParser } from '@xmldom/xmldom';
import * as xpath from 'xpath';
import { XMLParser } from 'fast-xml-parser';

@Injectable()
export class XmlImportService {
  importShipments(xml: string): number {
    const doc = libxmljs.parseXml(xml, { noent: true });
    return doc.find('//shipment').length;
  }

  importCarriers(xml: string): number {
    const doc = libxmljs.parseXml(xml, { noent: false, nonet: true, dtdload: false });
    return doc.find('//carrier').length;
  }

  importRates(xml: string): unknown {
    return new XMLParser({ processEntities: false }).parse(xml);
  }

  findTracking(xml: string, orderRef: string): string[] {
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const nodes = xpath.select(`//shipment[order='${orderRef}']/tracking/text()`, doc) as Node[];
    return nodes.map((n) => String(n.nodeValue));
  }

  findCarrierName(xml: string, code: string): string[] {
    if (!/^[A-Z]{2,4}$/.test(code)) throw new BadRequestException('bad carrier code');
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const nodes = xpath.select(`//carrier[@code='${code}']/name/text()`, doc) as Node[];
    return nodes.map((n) => String(n.nodeValue));
  }

  findByCity(xml: string, city: string): string[] {
    const doc = libxmljs.parseXml(xml);
    return doc.find("//shipment[destination/city='" + city + "']/@id").map((a) => String(a));
  }

  countAll(xml: string): number {
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    return (xpath.select('count(//shipment)', doc) as number) || 0;
  }
}
