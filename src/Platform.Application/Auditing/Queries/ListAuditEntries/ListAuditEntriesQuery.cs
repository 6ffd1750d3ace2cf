using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Auditing.Queries.ListAuditEntries;

/// <summary>The audit log for admins, newest first, in keyset pages.</summary>
[RequiresRole(Role.Admin)]
public sealed record ListAuditEntriesQuery(
    Guid? ActorId = null,
    string? Action = null,
    string? ResourceType = null,
    Guid? ResourceId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int PageSize = PagingDefaults.PageSize,
    string? Cursor = null) : IQuery<Page<AuditEntryDto>>, IPagedQuery
{
    int? IPagedQuery.Page => null;
}
