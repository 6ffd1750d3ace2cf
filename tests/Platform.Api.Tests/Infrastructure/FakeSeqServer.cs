using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>
/// A stand-in for Seq's ingestion API on 127.0.0.1 and a free port: it accepts CLEF batches (newline-delimited JSON
/// events) on <c>POST /ingest/clef</c> and the older <c>POST /api/events/raw</c>, and keeps every body and API key.
/// </summary>
public sealed class FakeSeqServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<string> bodies = new();
    private readonly ConcurrentQueue<string?> apiKeys = new();
    private readonly ConcurrentQueue<string> paths = new();

    private FakeSeqServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapPost("/ingest/clef", Ingest);
        app.MapPost("/api/events/raw", Ingest);
        app.Start();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Url = new Uri(address);
    }

    public Uri Url { get; }

    public IReadOnlyCollection<string> Bodies => bodies;

    public IReadOnlyCollection<string?> ApiKeys => apiKeys;

    public IReadOnlyCollection<string> Paths => paths;

    /// <summary>Every event received so far, one JSON object per CLEF line.</summary>
    public IReadOnlyList<JsonObject> Events => bodies
        .SelectMany(b => b.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Select(l => JsonNode.Parse(l)!.AsObject())
        .ToList();

    public static FakeSeqServer Start() => new();

    /// <summary>Polls until an event matches, or <paramref name="timeout"/> passes (then null).</summary>
    public async Task<JsonObject?> WaitForAsync(Func<JsonObject, bool> match, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var found = Events.FirstOrDefault(match);
            if (found is not null || waited.Elapsed >= timeout)
            {
                return found;
            }

            await Task.Delay(50);
        }
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private async Task Ingest(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        bodies.Enqueue(await reader.ReadToEndAsync(context.RequestAborted));
        apiKeys.Enqueue(context.Request.Headers["X-Seq-ApiKey"].FirstOrDefault());
        paths.Enqueue(context.Request.Path.Value ?? string.Empty);
        context.Response.StatusCode = StatusCodes.Status201Created;
    }
}
