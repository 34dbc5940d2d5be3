package io.crmsync.writer.client;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The partner SOAP API's {@code merge} on the wire: the envelope is written as text with every
 * value XML-escaped, answers and faults are read with the JDK's DOM parser (secure processing, no
 * DTDs, no external entities).
 */
final class SalesforceSoap {

    static final String SOAP_ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String PARTNER = "urn:partner.soap.sforce.com";
    static final String SOBJECT = "urn:sobject.partner.soap.sforce.com";

    private SalesforceSoap() {
    }

    /** A SOAP fault: {@code code} without its {@code sf:} prefix ({@code soapenv:Client} stays qualified). */
    record Fault(String code, String message) {
    }

    /** Merges {@code mergedId} into {@code masterId}; the master keeps its own values. */
    static String mergeEnvelope(String sessionId, String sObject, String masterId, String mergedId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"" + SOAP_ENVELOPE + "\" xmlns:urn=\"" + PARTNER
                + "\" xmlns:urn1=\"" + SOBJECT + "\">"
                + "<soapenv:Header><urn:SessionHeader><urn:sessionId>" + escape(sessionId)
                + "</urn:sessionId></urn:SessionHeader></soapenv:Header>"
                + "<soapenv:Body><urn:merge><urn:request>"
                + "<urn:masterRecord><urn1:type>" + escape(sObject) + "</urn1:type><urn1:Id>" + escape(masterId)
                + "</urn1:Id></urn:masterRecord>"
                + "<urn:recordToMergeIds>" + escape(mergedId) + "</urn:recordToMergeIds>"
                + "</urn:request></urn:merge></soapenv:Body></soapenv:Envelope>";
    }

    /** The first {@code mergeResponse/result}; empty when the answer holds none. */
    static Optional<SalesforceWire.MergeResult> mergeResult(String xml) {
        Element body = body(xml);
        Element response = body == null ? null : child(body, PARTNER, "mergeResponse");
        Element result = response == null ? null : child(response, PARTNER, "result");
        if (result == null) {
            return Optional.empty();
        }
        List<SalesforceWire.Error> errors = new ArrayList<>();
        for (Element error : children(result, PARTNER, "errors")) {
            errors.add(new SalesforceWire.Error(text(child(error, PARTNER, "statusCode")),
                    text(child(error, PARTNER, "message")), texts(error, "fields")));
        }
        return Optional.of(new SalesforceWire.MergeResult(text(child(result, PARTNER, "id")),
                "true".equals(text(child(result, PARTNER, "success"))), texts(result, "mergedRecordIds"),
                texts(result, "updatedRelatedIds"), errors));
    }

    /** The fault in an answer; empty when it is not a SOAP fault. */
    static Optional<Fault> fault(String xml) {
        Element body = body(xml);
        Element fault = body == null ? null : child(body, SOAP_ENVELOPE, "Fault");
        if (fault == null) {
            return Optional.empty();
        }
        // faultcode and faultstring are unqualified in SOAP 1.1.
        String code = text(child(fault, "", "faultcode"));
        if (code == null) {
            return Optional.empty();
        }
        String message = text(child(fault, "", "faultstring"));
        return Optional.of(new Fault(code.startsWith("sf:") ? code.substring(3) : code, message));
    }

    static String escape(String text) {
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

    private static Element body(String xml) {
        Document document;
        try {
            document = builder().parse(new InputSource(new StringReader(xml == null ? "" : xml)));
        } catch (SAXException | IOException e) {
            return null;
        }
        Element envelope = document.getDocumentElement();
        return is(envelope, SOAP_ENVELOPE, "Envelope") ? child(envelope, SOAP_ENVELOPE, "Body") : null;
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
            // The default handler prints malformed answers to stderr; the caller decides what they mean.
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks secure processing", e);
        }
    }

    private static boolean is(Element element, String namespace, String localName) {
        String actual = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
        return actual.equals(namespace) && localName.equals(element.getLocalName());
    }

    private static Element child(Element parent, String namespace, String localName) {
        List<Element> found = children(parent, namespace, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && is(element, namespace, localName)) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<String> texts(Element parent, String localName) {
        return children(parent, PARTNER, localName).stream().map(SalesforceSoap::text)
                .filter(java.util.Objects::nonNull).toList();
    }

    /** Null for a missing or {@code xsi:nil} element. */
    private static String text(Element element) {
        if (element == null || "true".equals(element.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "nil"))) {
            return null;
        }
        return element.getTextContent().trim();
    }
}
