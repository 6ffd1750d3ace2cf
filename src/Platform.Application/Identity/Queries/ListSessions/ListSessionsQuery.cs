using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;

namespace Platform.Application.Identity.Queries.ListSessions;

/// <summary>The caller's live sessions (not revoked, not expired), newest first; the one making the call is marked current.</summary>
public sealed record ListSessionsQuery(int? Page = null, int PageSize = PagingDefaults.PageSize, string? Cursor = null)
    : IQuery<Page<SessionDto>>, IPagedQuery;
