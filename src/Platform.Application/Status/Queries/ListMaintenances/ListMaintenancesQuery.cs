using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;

namespace Platform.Application.Status.Queries.ListMaintenances;

/// <summary>Scheduled maintenance, latest start first. Public.</summary>
[AllowAnonymousRequest]
public sealed record ListMaintenancesQuery(int? Page = null, int PageSize = PagingDefaults.PageSize, string? Cursor = null)
    : IQuery<Page<MaintenanceDto>>, IPagedQuery;
