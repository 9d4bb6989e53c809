package org.paperboy.ingest;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small element tree of one record (an OAI-PMH {@code <record>} or an Atom {@code <entry>}),
 * read with StAX. Names are local names: prefixes are dropped, so a record parses the same
 * whether its namespaces are declared on the element or on a document root it was cut from.
 */
record XmlNode(String name, Map<String, String> attributes, String text, List<XmlNode> children) {

    private static final XMLInputFactory FACTORY = factory();

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newInstance();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    static XMLInputFactory factoryInstance() {
        return FACTORY;
    }

    /** Parses one well-formed element; the exception's location is relative to the text. */
    static XmlNode parse(String xml) throws XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT) return element(r);
            }
            throw new XMLStreamException("no element found");
        } finally {
            r.close();
        }
    }

    private static XmlNode element(XMLStreamReader r) throws XMLStreamException {
        String name = local(r.getLocalName());
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) attrs.put(local(r.getAttributeLocalName(i)), r.getAttributeValue(i));
        StringBuilder text = new StringBuilder();
        List<XmlNode> kids = new ArrayList<>();
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) kids.add(element(r));
            else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA || e == XMLStreamConstants.SPACE) text.append(r.getText());
            else if (e == XMLStreamConstants.END_ELEMENT) break;
        }
        return new XmlNode(name, attrs, text.toString(), kids);
    }

    static String local(String qname) {
        int colon = qname.indexOf(':');
        return colon < 0 ? qname : qname.substring(colon + 1);
    }

    XmlNode child(String childName) {
        for (XmlNode k : children) if (k.name.equals(childName)) return k;
        return null;
    }

    List<XmlNode> all(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode k : children) if (k.name.equals(childName)) out.add(k);
        return out;
    }

    /** The text of the first child of that name, or null. */
    String textOf(String childName) {
        XmlNode k = child(childName);
        return k == null ? null : k.text;
    }
}
