using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Email.Queries.ListEmailEvents;

/// <summary>What providers reported (bounces, complaints, deliveries, unsubscribes), newest first, in keyset pages. Filters: <see cref="Kind"/>, <see cref="Recipient"/>. For admins.</summary>
[RequiresRole(Role.Admin)]
public sealed record ListEmailEventsQuery(string? Kind = null, string? Recipient = null, int PageSize = PagingDefaults.PageSize, string? Cursor = null)
    : IQuery<Page<EmailEventDto>>;
