using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Status.Queries.GetServiceUptime;

public sealed record UptimeServiceDto(Guid Id, string Slug, string Name);
