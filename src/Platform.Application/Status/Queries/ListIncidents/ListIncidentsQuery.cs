using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;

namespace Platform.Application.Status.Queries.ListIncidents;

/// <summary>Incidents with their updates, newest first; <paramref name="Unresolved"/> narrows to open or to resolved ones. Public.</summary>
[AllowAnonymousRequest]
public sealed record ListIncidentsQuery(bool? Unresolved = null, int? Page = null, int PageSize = PagingDefaults.PageSize, string? Cursor = null)
    : IQuery<Page<IncidentDto>>, IPagedQuery;
