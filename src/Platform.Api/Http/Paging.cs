using Microsoft.AspNetCore.WebUtilities;

namespace Platform.Api.Http;

internal static class Paging
{
    /// <summary>Adds an RFC 8288 <c>Link: &lt;...&gt;; rel="next"</c> with the same query and the next cursor.</summary>
    public static void AddNextLink(HttpContext context, string? nextCursor)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (nextCursor is null)
        {
            return;
        }

        var query = context.Request.Query
            .Where(q => q.Key is not "cursor" and not "page")
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>("cursor", nextCursor));
        var url = QueryHelpers.AddQueryString(context.Request.PathBase + context.Request.Path, query);
        context.Response.Headers.Link = $"<{url}>; rel=\"next\"";
    }
}
