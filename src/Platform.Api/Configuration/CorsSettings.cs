using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Paging;
using Platform.Application.Identity;
using Platform.Api.Http;
using Platform.Infrastructure.Identity;

namespace Platform.Api.Configuration;

public sealed class CorsSettings
{
    public const string SectionName = "Cors";

    public string[] AllowedOrigins { get; set; } = [];
}
