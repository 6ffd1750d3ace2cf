using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Platform.Api.Configuration;
using Platform.Api.Endpoints;
using Platform.Api.Http;
using Platform.Api.Observability;
using Platform.Api.StatusPage;
using Platform.Application;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Security;
using Platform.Application.Identity;
using Platform.Domain.Identity;
using Platform.Infrastructure;
using Platform.Infrastructure.Identity;
using Platform.Infrastructure.Persistence;
using Platform.Infrastructure.Sessions;

if (args.Contains(CheckConfigCommand.Name, StringComparer.Ordinal))
{
    return CheckConfigCommand.Run(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
Logging.Configure(builder);
builder.AddPlatformTelemetry();

var migrateOnly = args.Contains("migrate", StringComparer.Ordinal);

// verify-email <address>: an operator vouches for an address (the first admin, before mail works), then exits.
var verifyEmailAt = Array.IndexOf(args, "verify-email");
var verifyEmail = verifyEmailAt >= 0 ? (verifyEmailAt + 1 < args.Length ? args[verifyEmailAt + 1] : string.Empty) : null;
migrateOnly |= verifyEmail is not null;
if (migrateOnly)
{
    builder.Configuration["Jobs:Enabled"] = "false";
}

using var startupLoggerFactory = LoggerFactory.Create(l => l.AddSimpleConsole());
try
{
    builder.AddPlatformOptions(startupLoggerFactory.CreateLogger("Startup"));
    builder.AddWebhookOptions(startupLoggerFactory.CreateLogger("Startup"));
    builder.AddEmailOptions(startupLoggerFactory.CreateLogger("Startup"));
    builder.Services.AddInfrastructure(builder.Configuration);
}
catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
{
    // A missing or invalid setting stops the process with one line naming the key.
    await Console.Error.WriteLineAsync($"Configuration error: {ex.Message}");
    return 2;
}

builder.Services.AddApplication();
// Stopping gets 6 s in all: in-flight requests drain, and every background loop honours its stopping token, so an
// instance leaves within 10 s of SIGTERM even with the database gone (what it had in hand goes to another instance).
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(6));
builder.Services.AddHostedService<ShutdownDeadline>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();
builder.Services.AddScoped<IRequestContext, HttpRequestContext>();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddSingleton<IErrorCatalogue, ErrorCatalogue>();
builder.Services.AddProblemDetails();
builder.Services.Configure<JsonOptions>(o => Platform.Application.Common.Messaging.ApplicationJson.ApplyTo(o.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddOpenApi(OpenApiSetup.Configure);

builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
{
    var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
    policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod()
        .WithExposedHeaders("ETag", "Location", "Link", "X-Request-ID", "X-Trace-Id", "Idempotent-Replayed", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset");
}));

builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
builder.Services.RemoveDataProtectionStartup();
builder.Services.AddSingleton<CachingJsonWebTokenHandler>();
builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
    .Configure<IOptions<AuthOptions>, SigningKeyRing, SessionRevocationCache, CachingJsonWebTokenHandler, TimeProvider>((jwt, auth, keys, revocations, tokens, clock) =>
    {
        jwt.MapInboundClaims = false;
        // Nothing reads the raw token back from the authentication properties; storing it cost a dictionary and a
        // formatted expiry per request.
        jwt.SaveToken = false;
        // A token is verified once and then answered from memory until it expires; revocation is still checked on
        // every request, below.
        jwt.TokenHandlers.Clear();
        jwt.TokenHandlers.Add(tokens);
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Value.Issuer,
            ValidAudience = auth.Value.Audience,
            IssuerSigningKeys = keys.VerificationKeys,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ClockSkew = TimeSpan.FromSeconds(30),

            // Lifetimes are judged by the clock that issued the tokens (TimeProvider), not the machine's directly.
            LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return (notBefore is null || notBefore.Value <= now + parameters.ClockSkew) && expires is { } until && until > now - parameters.ClockSkew;
            },
            NameClaimType = PlatformClaims.Subject,
            RoleClaimType = PlatformClaims.Role,
        };
        jwt.Events = new JwtBearerEvents
        {
            // A revoked session's access tokens are refused from memory: no database read per request.
            OnTokenValidated = context =>
            {
                if (Guid.TryParse(context.Principal?.FindFirstValue(PlatformClaims.Session), out var sessionId) && revocations.IsRevoked(sessionId))
                {
                    context.HttpContext.Items[SessionRevokedKey.Value] = true;
                    context.Fail("The session was revoked.");
                }

                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                context.Response.Headers.WWWAuthenticate = "Bearer";
                if (context.HttpContext.Items.ContainsKey(SessionRevokedKey.Value))
                {
                    await Problems.WriteAsync(context.HttpContext, 401, IdentityErrorCodes.SessionRevoked, "Unauthorized", "This session was signed out. Sign in again.");
                    return;
                }

                var detail = context.AuthenticateFailure is null
                    ? "Send a valid access token in the Authorization header (Bearer)."
                    : "The access token is invalid or has expired. Refresh it or sign in again.";
                await Problems.WriteAsync(context.HttpContext, 401, ProblemCodes.Unauthorized, "Unauthorized", detail);
            },
            OnForbidden = context => Problems.WriteAsync(context.HttpContext, 403, ProblemCodes.Forbidden, "Forbidden", "Your role does not allow this operation."),
        };
    });
builder.Services.AddAuthorization();
builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NetworkOptions>>((forwarded, network) =>
{
    // Only a configured proxy is believed. ForwardedHeadersMiddleware trusts every peer when both lists are empty,
    // so with no proxy configured the headers are not processed at all.
    forwarded.KnownProxies.Clear();
    forwarded.KnownIPNetworks.Clear();
    forwarded.ForwardLimit = null;
    forwarded.ForwardedHeaders = network.Value.TrustedProxies.Length == 0
        ? ForwardedHeaders.None
        : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    foreach (var proxy in network.Value.TrustedProxies)
    {
        if (System.Net.IPNetwork.TryParse(proxy, out var range))
        {
            forwarded.KnownIPNetworks.Add(range);
        }
        else
        {
            forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        }
    }
});

var app = builder.Build();

if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup || migrateOnly)
{
    var applied = await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    app.Logger.LogInformation("Database migrations checked; {Applied} applied", applied);
}

if (verifyEmail is not null)
{
    await using var scope = app.Services.CreateAsyncScope();
    try
    {
        var verified = await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>()
            .Send(new Platform.Application.Identity.Commands.MarkEmailVerified.MarkEmailVerifiedCommand(verifyEmail));
        await Console.Out.WriteLineAsync($"verify-email: {verified.Email} is verified; roles: {string.Join(", ", verified.Roles)}.");
        return 0;
    }
    catch (AppException ex)
    {
        await Console.Error.WriteLineAsync($"verify-email: {ex.Message}");
        return 1;
    }
}

if (migrateOnly)
{
    return 0;
}

// The operational gauges (database circuit, listener) exist from the start, before anything reads them.
app.Services.GetRequiredService<Platform.Infrastructure.Observability.OperationalMetrics>();
app.Services.GetRequiredService<Platform.Infrastructure.Observability.RequestLatencyRecorder>();
app.Services.GetRequiredService<Platform.Application.Status.StatusPageCache>().MaxAge =
    TimeSpan.FromSeconds(app.Services.GetRequiredService<IOptions<StatusPageOptions>>().Value.MaxAgeSeconds);

app.UseForwardedHeaders();
app.UseMiddleware<RequestCorrelationMiddleware>();
app.UseRequestLogging();
app.UseMiddleware<RouteSignalsMiddleware>();
app.UseMiddleware<RefusedBodyMiddleware>();
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages(async context =>
{
    var response = context.HttpContext.Response;
    var (code, detail) = response.StatusCode switch
    {
        404 => (ProblemCodes.NotFound, "No endpoint matches this path."),
        405 => (ProblemCodes.MethodNotAllowed, "This endpoint does not accept this method."),
        413 => (ProblemCodes.TooLarge, "The request body is larger than the server accepts."),
        415 => (ProblemCodes.UnsupportedMediaType, "Send the body as application/json."),
        401 => (ProblemCodes.Unauthorized, "Sign in to use this endpoint."),
        403 => (ProblemCodes.Forbidden, "Your role does not allow this operation."),
        _ => (ProblemCodes.Malformed, "The request could not be processed."),
    };
    await Problems.WriteAsync(context.HttpContext, response.StatusCode, code, Problems.TitleFor(response.StatusCode), detail);
});
app.UseMiddleware<OperatorEndpointAccessMiddleware>();
app.UseMiddleware<RateLimitMiddleware>();
app.UseMiddleware<RequestBodyMiddleware>();
app.UseCors();
app.UseAuthentication();
app.UseMiddleware<TieredRateLimitMiddleware>();
app.UseAuthorization();

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapHealthEndpoints();
app.MapMetricsEndpoint();
app.MapAuthEndpoints();
app.MapMfaEndpoints();
app.MapAdminEndpoints();
app.MapEmailAdminEndpoints();
app.MapTicketEndpoints();
app.MapStatusEndpoints();
app.MapStatusPageEndpoints();
app.MapWebhookEndpoints();
app.MapInboundWebhookEndpoints();
app.MapCspReportEndpoints();

app.Logger.LogInformation("Platform API listening on {Urls}", string.Join(", ", app.Urls.DefaultIfEmpty(builder.Configuration["urls"] ?? "http://localhost:5000")));
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;
