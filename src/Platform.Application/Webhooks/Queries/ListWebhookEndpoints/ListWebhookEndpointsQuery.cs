using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Webhooks.Queries.ListWebhookEndpoints;

/// <summary>Every endpoint, newest first, in keyset pages. For admins.</summary>
[RequiresRole(Role.Admin)]
public sealed record ListWebhookEndpointsQuery(int PageSize = PagingDefaults.PageSize, string? Cursor = null) : IQuery<Page<WebhookEndpointDto>>;
