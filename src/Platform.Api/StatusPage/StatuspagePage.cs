using System.Security.Cryptography;
using System.Text;
using Platform.Application.Status;
using Platform.Domain.Status;

namespace Platform.Api.StatusPage;

public sealed record StatuspagePage(string Id, string Name, string Url, string TimeZone, DateTimeOffset UpdatedAt);
