using System.Security.Cryptography;
using System.Text;
using Platform.Application.Status;
using Platform.Domain.Status;

namespace Platform.Api.StatusPage;

public sealed record StatuspageStatus(string Indicator, string Description);
