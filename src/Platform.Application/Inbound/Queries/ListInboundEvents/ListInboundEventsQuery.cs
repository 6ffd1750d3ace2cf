using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Inbound.Queries.ListInboundEvents;

/// <summary>The inbox, newest first, in keyset pages. Filters: <see cref="Source"/>, <see cref="Type"/> (the provider's, verbatim) and <see cref="Status"/>. For admins.</summary>
[RequiresRole(Role.Admin)]
public sealed record ListInboundEventsQuery(
    string? Source = null, string? Type = null, string? Status = null, int PageSize = PagingDefaults.PageSize, string? Cursor = null)
    : IQuery<Page<InboundEventDto>>;
