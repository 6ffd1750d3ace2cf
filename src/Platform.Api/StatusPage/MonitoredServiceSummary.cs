using System.Security.Cryptography;
using System.Text;
using Platform.Application.Status;
using Platform.Domain.Status;

namespace Platform.Api.StatusPage;

public sealed record MonitoredServiceSummary(Guid Id, string Slug, string Name, string? Group, ServiceStatus Status, DateTimeOffset UpdatedAt);
