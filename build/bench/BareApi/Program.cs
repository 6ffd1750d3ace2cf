using System.Text.Json;
using BareApi;
using Npgsql;

// The bare reference of build/bench.sh: the same rows of the same schema as Platform (it reads the database Platform
// migrated and seeded) in the same JSON shapes, straight from Npgsql. No authentication, no pipeline, no logging
// below Warning: the physical limit of this machine for these routes. Platform's throughput is reported against it.
//
// Settings, from the environment as for Platform:
//   ConnectionStrings__Platform  the database Platform migrated and seeded
//   Bare__SecretKey              Platform's Auth:SecretKey, so keyset cursors carry the same MAC and either app
//                                accepts the other's
//   Bare__RequesterId            the user the plain INSERT of POST /api/v1/tickets files tickets for
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var connectionString = builder.Configuration.GetConnectionString("Platform");
if (string.IsNullOrWhiteSpace(connectionString))
{
    await Console.Error.WriteLineAsync("Configuration error: ConnectionStrings:Platform is not set.");
    return 2;
}

if (!Guid.TryParse(builder.Configuration["Bare:RequesterId"], out var requesterId))
{
    await Console.Error.WriteLineAsync("Configuration error: Bare:RequesterId must be the id of an existing user.");
    return 2;
}

var secretText = builder.Configuration["Bare:SecretKey"] ?? string.Empty;
var secretKey = new byte[secretText.Length];
if (!Convert.TryFromBase64String(secretText, secretKey, out var secretLength) || secretLength == 0)
{
    await Console.Error.WriteLineAsync("Configuration error: Bare:SecretKey must be Platform's Auth:SecretKey (base64).");
    return 2;
}

builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
builder.Services.AddSingleton(new KeysetCursors(secretKey.AsSpan(0, secretLength)));
builder.Services.AddSingleton(new TicketDefaults(requesterId));
builder.Services.ConfigureHttpJsonOptions(json =>
{
    json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
    json.SerializerOptions.Converters.Add(new MillisecondTimestamps());
});

var app = builder.Build();
app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" }));
app.MapTicketRoutes();
app.MapStatusRoutes();
await app.RunAsync();
return 0;
