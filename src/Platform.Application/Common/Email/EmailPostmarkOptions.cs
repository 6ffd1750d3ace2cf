namespace Platform.Application.Common.Email;

/// <summary>Section <c>Email:Postmark</c>: Postmark's HTTP API.</summary>
public sealed class EmailPostmarkOptions
{
    public string? ServerToken { get; set; }

    /// <summary>Where the API is; tests point it at a local server.</summary>
    public string BaseUrl { get; set; } = "https://api.postmarkapp.com";

    /// <summary>The Postmark message stream transactional mail goes to.</summary>
    public string MessageStream { get; set; } = "outbound";
}
