using System.Security.Cryptography;
using System.Text;
using Platform.Application.Status;
using Platform.Domain.Status;

namespace Platform.Api.StatusPage;

public sealed record StatuspageStatusDocument(StatuspagePage Page, StatuspageStatus Status);
