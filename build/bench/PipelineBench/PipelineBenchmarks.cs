using System.Globalization;
using BenchmarkDotNet.Attributes;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using PipelineBench.Notes;
using Platform.Infrastructure.Persistence;

namespace PipelineBench;

/// <summary>
/// One request through the real pipeline against the bare handler. Every call through <see cref="IMediator"/> runs in
/// a fresh scope, as one HTTP request does: the mediator, the behaviours and the handler resolved, and for a command a
/// context leased from the pool.
/// </summary>
/// <remarks>
/// What each case adds to the one before it: the query pays for the scope, logging (with metrics), authorisation and
/// validation; the command without a key adds the context, the transaction (execution strategy, one SaveChanges) and
/// the audit row; the command with a key adds the idempotency lock call, the request's HMAC fingerprint and the stored
/// response (and the key's string and a copy of the command, about a hundred bytes, made in the benchmark).
/// </remarks>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const string Title = "Printer on fire";
    private const string Body = "Third floor, near the window. It has been smoking since the morning and smells of toner.";

    private static readonly GetNoteQuery NoteQuery = new(new Guid("0193a6f2-3c4e-7d5a-9b1c-2e3f4a5b6c7d"));
    private static readonly CreateNoteCommand NoteCommand = new(Title, Body);

    private readonly CreateNoteCommandHandler handler = new(TimeProvider.System);
    private ServiceProvider? services;
    private long keys;

    [GlobalSetup]
    public void Setup()
    {
        services = BenchHost.Create();
        PipelineCheck.Run(services);
    }

    [GlobalCleanup]
    public void Cleanup() => services?.Dispose();

    /// <summary>
    /// Empties the in-memory store after each iteration (outside the measurement), so the audit and idempotency rows
    /// of earlier iterations do not pile up on the heap and slow the collector: PostgreSQL keeps them out of process.
    /// </summary>
    [IterationCleanup]
    public void EmptyStore()
    {
        using var scope = services!.CreateScope();
        scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.EnsureDeleted();
    }

    [Benchmark(Baseline = true, Description = "handler called directly")]
    public Task Handler() => handler.Handle(NoteCommand, CancellationToken.None);

    [Benchmark(Description = "query: logging, authorisation, validation")]
    public Task Query() => SendAsync(NoteQuery);

    [Benchmark(Description = "command, no key: + transaction, audit")]
    public Task CommandNoKey() => SendAsync(NoteCommand);

    [Benchmark(Description = "command, fresh key: + idempotency")]
    public Task CommandFreshKey() =>
        SendAsync(NoteCommand with { IdempotencyKey = string.Create(CultureInfo.InvariantCulture, $"bench-{++keys}") });

    private async Task<NoteDto> SendAsync(IRequest<NoteDto> request)
    {
        await using var scope = services!.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }
}
