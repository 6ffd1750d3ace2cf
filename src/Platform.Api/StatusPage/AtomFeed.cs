using System.Globalization;
using System.Text;
using System.Xml;
using Platform.Application.Status;

namespace Platform.Api.StatusPage;

/// <summary>An Atom feed (RFC 4287) of unresolved and recently resolved incidents, each with its updates.</summary>
internal static class AtomFeed
{
    public static byte[] Render(StatusPageSnapshot snapshot, StatusPageOptions options, string pageUrl, string feedUrl)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            const string Atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            // An Atom id must be an absolute IRI: the feed's address when it is known, else a stable URN.
            xml.WriteElementString("id", Atom, feedUrl.StartsWith("http", StringComparison.Ordinal) ? feedUrl : $"urn:platform:{options.PageId}:incidents");
            xml.WriteElementString("title", Atom, Xml($"{options.Name} status: incidents"));
            xml.WriteElementString("updated", Atom, Time(snapshot.UpdatedAt));
            Link(xml, Atom, "self", feedUrl, "application/atom+xml");
            Link(xml, Atom, "alternate", pageUrl, "text/html");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, Xml(options.Name));
            xml.WriteEndElement();

            foreach (var incident in snapshot.ActiveIncidents.Concat(snapshot.RecentIncidents).OrderByDescending(i => i.UpdatedAt))
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"urn:uuid:{incident.Id}");
                xml.WriteElementString("title", Atom, Xml($"{incident.Title} ({StatusText.Incident(incident.Status)})"));
                xml.WriteElementString("published", Atom, Time(incident.CreatedAt));
                xml.WriteElementString("updated", Atom, Time(incident.UpdatedAt));
                Link(xml, Atom, "alternate", $"{pageUrl}#incident-{incident.Id}", "text/html");
                xml.WriteStartElement("content", Atom);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(Xml(Content(incident)));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    /// <summary>The updates, newest first, as escaped HTML (the XML writer escapes it once more for the feed).</summary>
    private static string Content(IncidentDto incident)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p>Impact: {StatusText.Impact(incident.Impact)}</p><ul>");
        foreach (var update in incident.Updates.OrderByDescending(u => u.CreatedAt))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><strong>{StatusText.Incident(update.Status)}</strong> ({Time(update.CreatedAt)}): {Html.Encode(update.Message)}</li>");
        }

        return html.Append("</ul>").ToString();
    }

    private static void Link(XmlWriter xml, string ns, string rel, string href, string type)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>
    /// Drops characters XML 1.0 cannot carry (control characters, U+FFFE, half surrogate pairs): the JSON API accepts
    /// them in messages, and one of them must not break the public feed.
    /// </summary>
    private static string Xml(string value)
    {
        var clean = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                clean.Append(c).Append(value[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
