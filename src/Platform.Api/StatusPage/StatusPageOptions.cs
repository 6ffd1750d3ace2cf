namespace Platform.Api.StatusPage;

/// <summary>How the public status page presents itself.</summary>
public sealed class StatusPageOptions
{
    public const string SectionName = "StatusPage";

    /// <summary>The page's title and the Statuspage-compatible <c>page.name</c>.</summary>
    public string Name { get; set; } = "Platform";

    /// <summary>The page's public address (Statuspage's <c>page.url</c>, Atom links); the request's own address when empty.</summary>
    public string PublicUrl { get; set; } = string.Empty;

    /// <summary>Statuspage-compatible <c>page.id</c>.</summary>
    public string PageId { get; set; } = "platform";

    /// <summary><c>Cache-Control: public, max-age</c> of public reads, and the longest a cached snapshot is served.</summary>
    public int MaxAgeSeconds { get; set; } = 15;
}
