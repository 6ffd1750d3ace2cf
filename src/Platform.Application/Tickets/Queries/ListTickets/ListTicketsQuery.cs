using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;

namespace Platform.Application.Tickets.Queries.ListTickets;

/// <summary>
/// Tickets visible to the caller, newest first, filtered by status, priority and assignee. A new filter must also
/// keep a filtered request off the handler's compiled fast path (the unfiltered next page).
/// </summary>
public sealed record ListTicketsQuery(
    string? Status = null,
    string? Priority = null,
    Guid? AssigneeId = null,
    int? Page = null,
    int PageSize = PagingDefaults.PageSize,
    string? Cursor = null) : IQuery<Page<TicketDto>>, IPagedQuery;
