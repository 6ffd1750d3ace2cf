using System.Xml.Linq;
using NUnit.Framework;

namespace Platform.Api.Tests;

/// <summary>The Atom feed of incidents: well-formed Atom, one entry per incident, and update text that cannot inject markup.</summary>
public sealed class StatusAtomFeedTests : StatusApiTestBase
{
    private const string Feed = "/api/v1/status/incidents.atom";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private async Task<(HttpResponseMessage Response, string Text, XDocument Document)> FeedAsync()
    {
        var response = await AnonymousGetAsync(Feed);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        return (response, text, XDocument.Parse(text));
    }

    [Test]
    public async Task The_feed_is_Atom_with_one_entry_per_unresolved_incident_identified_by_urn_uuid()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));
        var first = IdOf(await CreateIncidentAsync(admin, "Errors on the API", [api], "Looking."));
        var second = IdOf(await CreateIncidentAsync(admin, "Slow logins", [], "Checking."));
        await AddUpdateAsync(admin, second, "identified", "Found it.");

        var (response, _, document) = await FeedAsync();
        var feed = document.Root!;
        var entries = feed.Elements(Atom + "entry").ToList();
        var ids = entries.Select(e => e.Element(Atom + "id")?.Value).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/atom+xml"));
            Assert.That(feed.Name, Is.EqualTo(Atom + "feed"));
            Assert.That(feed.Element(Atom + "id")?.Value, Is.Not.Null.And.Not.Empty);
            Assert.That(feed.Element(Atom + "title")?.Value, Is.Not.Null.And.Not.Empty);
            Assert.That(feed.Element(Atom + "updated")?.Value, Is.Not.Null.And.Not.Empty);
            Assert.That(feed.Elements(Atom + "link").Select(l => (string?)l.Attribute("rel")), Does.Contain("self"));
            Assert.That(ids, Is.EquivalentTo(new[] { $"urn:uuid:{first}", $"urn:uuid:{second}" }));
            Assert.That(entries.Select(e => e.Element(Atom + "title")?.Value), Has.Some.StartsWith("Errors on the API"));
            Assert.That(entries.Select(e => e.Element(Atom + "updated")?.Value), Has.All.Not.Null.And.All.Not.Empty);
            Assert.That(
                entries.Single(e => e.Element(Atom + "id")!.Value == $"urn:uuid:{second}").Element(Atom + "content")!.Value,
                Does.Contain("Found it.").And.Contain("Checking."),
                "an entry's content carries its updates");
        });
    }

    [Test]
    public async Task A_recently_resolved_incident_stays_in_the_feed_once_as_resolved()
    {
        using var admin = await AdminClientAsync();
        var open = IdOf(await CreateIncidentAsync(admin, "Still open", []));
        var resolved = IdOf(await CreateIncidentAsync(admin, "Fixed", []));
        await AddUpdateAsync(admin, resolved, "resolved", "All good.");

        var (_, _, document) = await FeedAsync();
        var entries = document.Root!.Elements(Atom + "entry").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(entries.Select(e => e.Element(Atom + "id")!.Value), Is.EquivalentTo(new[] { $"urn:uuid:{open}", $"urn:uuid:{resolved}" }));
            Assert.That(entries.Single(e => e.Element(Atom + "id")!.Value == $"urn:uuid:{resolved}").Element(Atom + "title")!.Value, Does.Contain("Resolved"));
        });
    }

    [Test]
    public async Task Markup_in_an_update_message_is_escaped_and_never_becomes_an_element()
    {
        using var admin = await AdminClientAsync();
        const string Hostile = "<script>alert('owned')</script> & <img src=x onerror=alert(1)>";
        var id = IdOf(await CreateIncidentAsync(admin, "Injected", [], Hostile));

        var (_, text, document) = await FeedAsync();
        var content = document.Root!.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value == $"urn:uuid:{id}").Element(Atom + "content")!;

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("<script"), "no raw script tag in the document");
            Assert.That(document.Descendants().Select(e => e.Name.LocalName), Has.None.EqualTo("script").And.None.EqualTo("img"));
            Assert.That((string?)content.Attribute("type"), Is.EqualTo("html"));

            // type="html": the element's text is HTML that a reader renders, so the message must arrive HTML-escaped in it.
            Assert.That(content.Value, Does.Contain("&lt;script&gt;alert("));
            Assert.That(content.Value, Does.Not.Contain("<script").And.Not.Contain("<img"));
        });
    }
}
