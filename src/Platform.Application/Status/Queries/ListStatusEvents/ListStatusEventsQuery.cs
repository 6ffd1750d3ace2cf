using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;

namespace Platform.Application.Status.Queries.ListStatusEvents;

/// <summary>A service's status events, newest first (by when they occurred). Public.</summary>
[AllowAnonymousRequest]
public sealed record ListStatusEventsQuery(Guid ServiceId, int? Page = null, int PageSize = PagingDefaults.PageSize, string? Cursor = null)
    : IQuery<Page<StatusEventDto>>, IPagedQuery;
