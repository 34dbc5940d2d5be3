package io.crmsync.sandbox.crm.rest;

import io.crmsync.sandbox.crm.service.SalesforceError;
import io.crmsync.sandbox.crm.service.SalesforceMergeRequest;
import io.crmsync.sandbox.crm.service.SalesforceMergeResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the partner API's {@code merge} envelope and writes its answers and faults. Parsing uses
 * the JDK's DOM parser with secure processing and no DTDs or external entities: the body is
 * whatever a client sent.
 */
final class SoapEnvelopes {

    static final String SOAP_ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String PARTNER = "urn:partner.soap.sforce.com";
    static final String FAULT_PARTNER = "urn:fault.partner.soap.sforce.com";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String CONTENT_TYPE = "text/xml; charset=utf-8";

    private SoapEnvelopes() {
    }

    /**
     * A parsed call. {@code problem} is set when the body is not a partner {@code merge} envelope
     * (Salesforce answers a {@code soapenv:Client} fault); {@code sessionId} is null when the
     * {@code SessionHeader} has none.
     */
    record MergeCall(String sessionId, List<SalesforceMergeRequest> requests, String problem) {
    }

    static MergeCall parseMerge(String body) {
        Document document;
        try {
            document = builder().parse(new org.xml.sax.InputSource(new StringReader(body == null ? "" : body)));
        } catch (SAXException | IOException e) {
            return new MergeCall(null, List.of(), "Unable to parse the request: " + e.getMessage());
        }
        Element envelope = document.getDocumentElement();
        if (!is(envelope, SOAP_ENVELOPE, "Envelope")) {
            return new MergeCall(null, List.of(), "Unable to find a SOAP 1.1 envelope");
        }
        String sessionId = null;
        Element header = child(envelope, SOAP_ENVELOPE, "Header");
        Element session = header == null ? null : child(header, PARTNER, "SessionHeader");
        Element id = session == null ? null : child(session, PARTNER, "sessionId");
        if (id != null && !id.getTextContent().isBlank()) {
            sessionId = id.getTextContent().trim();
        }
        Element soapBody = child(envelope, SOAP_ENVELOPE, "Body");
        List<Element> operations = soapBody == null ? List.of() : children(soapBody, null, null);
        if (operations.isEmpty()) {
            return new MergeCall(sessionId, List.of(), "Unable to find the operation in the SOAP body");
        }
        Element operation = operations.get(0);
        if (!is(operation, PARTNER, "merge")) {
            return new MergeCall(sessionId, List.of(), "No operation available for request {"
                    + operation.getNamespaceURI() + "}" + operation.getLocalName() + ", please check the WSDL for the service.");
        }
        List<SalesforceMergeRequest> requests = new ArrayList<>();
        for (Element request : children(operation, PARTNER, "request")) {
            requests.add(request(request));
        }
        return new MergeCall(sessionId, requests, null);
    }

    /** {@code <request><masterRecord><type/><Id/>…</masterRecord><recordToMergeIds/>…</request>}. */
    private static SalesforceMergeRequest request(Element request) {
        String type = null;
        String masterId = null;
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> fieldsToNull = new ArrayList<>();
        Element master = child(request, PARTNER, "masterRecord");
        if (master != null) {
            // sObject fields live in urn:sobject.partner.soap.sforce.com; matched by local name.
            for (Element field : children(master, null, null)) {
                String name = field.getLocalName();
                String value = field.getTextContent().trim();
                if ("type".equals(name)) {
                    type = value;
                } else if ("Id".equals(name)) {
                    masterId = value.isEmpty() ? null : value;
                } else if ("fieldsToNull".equals(name) || "true".equals(field.getAttributeNS(XSI, "nil"))) {
                    fieldsToNull.add("fieldsToNull".equals(name) ? value : name);
                } else {
                    fields.put(name, value);
                }
            }
        }
        List<String> mergeIds = children(request, PARTNER, "recordToMergeIds").stream()
                .map(e -> e.getTextContent().trim()).toList();
        return new SalesforceMergeRequest(type, masterId, fields, fieldsToNull, mergeIds);
    }

    /** The {@code mergeResponse}, with the partner API's {@code LimitInfoHeader}. */
    static String mergeResponse(List<SalesforceMergeResult> results, long apiUsed, long apiLimit) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<soapenv:Envelope xmlns:soapenv=\"").append(SOAP_ENVELOPE).append("\" xmlns=\"").append(PARTNER)
                .append("\" xmlns:xsi=\"").append(XSI).append("\">")
                .append("<soapenv:Header><LimitInfoHeader><limitInfo><current>").append(apiUsed)
                .append("</current><limit>").append(apiLimit).append("</limit><type>API REQUESTS</type></limitInfo>")
                .append("</LimitInfoHeader></soapenv:Header><soapenv:Body><mergeResponse>");
        for (SalesforceMergeResult result : results) {
            xml.append("<result>");
            for (SalesforceError error : result.errors()) {
                xml.append("<errors>");
                error.fields().forEach(field -> element(xml, "fields", field));
                element(xml, "message", error.message());
                element(xml, "statusCode", error.statusCode());
                xml.append("</errors>");
            }
            if (result.id() == null) {
                xml.append("<id xsi:nil=\"true\"/>");
            } else {
                element(xml, "id", result.id());
            }
            result.mergedRecordIds().forEach(id -> element(xml, "mergedRecordIds", id));
            element(xml, "success", Boolean.toString(result.success()));
            result.updatedRelatedIds().forEach(id -> element(xml, "updatedRelatedIds", id));
            xml.append("</result>");
        }
        return xml.append("</mergeResponse></soapenv:Body></soapenv:Envelope>").toString();
    }

    /**
     * A SOAP fault. {@code code} is an {@code ExceptionCode} (rendered {@code sf:CODE}, with the
     * API fault of {@code detailType} in {@code detail}) or a qualified SOAP code such as
     * {@code soapenv:Client} (no detail).
     */
    static String fault(String code, String message, String detailType) {
        boolean soapCode = code.contains(":");
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<soapenv:Envelope xmlns:soapenv=\"").append(SOAP_ENVELOPE).append("\" xmlns:sf=\"")
                .append(FAULT_PARTNER).append("\" xmlns:xsi=\"").append(XSI).append("\"><soapenv:Body><soapenv:Fault>");
        element(xml, "faultcode", soapCode ? code : "sf:" + code);
        element(xml, "faultstring", soapCode ? message : code + ": " + message);
        if (!soapCode) {
            xml.append("<detail><sf:").append(detailType).append(" xsi:type=\"sf:").append(detailType).append("\">");
            element(xml, "sf:exceptionCode", code);
            element(xml, "sf:exceptionMessage", message);
            xml.append("</sf:").append(detailType).append("></detail>");
        }
        return xml.append("</soapenv:Fault></soapenv:Body></soapenv:Envelope>").toString();
    }

    private static void element(StringBuilder xml, String name, String text) {
        xml.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append('>');
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // The default handler prints every malformed body to stderr; the fault says it instead.
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks secure processing", e);
        }
    }

    private static boolean is(Element element, String namespace, String localName) {
        return element != null && namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    private static Element child(Element parent, String namespace, String localName) {
        List<Element> found = children(parent, namespace, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Child elements, all of them when {@code localName} is null. */
    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (localName == null || is(element, namespace, localName))) {
                found.add(element);
            }
        }
        return found;
    }
}
