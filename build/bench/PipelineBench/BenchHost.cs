using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PipelineBench.Adapters;
using PipelineBench.Notes;
using Platform.Application;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.UnitOfWork;
using Platform.Infrastructure.Persistence;

namespace PipelineBench;

/// <summary>
/// The application layer as the API composes it (<see cref="DependencyInjection.AddApplication"/>: every behaviour,
/// in order), with in-memory adapters for the ports the behaviours use and the real <see cref="PlatformDbContext"/>,
/// pooled and leased per scope as in Infrastructure, on EF Core's in-memory provider instead of PostgreSQL.
/// </summary>
internal static class BenchHost
{
    public static ServiceProvider Create()
    {
        var services = new ServiceCollection();

        // No logging provider, Information as in Production: the behaviour's Debug line is filtered out, as it is behind the API.
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information));
        services.AddMetrics();
        services.AddApplication();

        // A store of its own per host: each benchmark starts from an empty database.
        var store = new InMemoryDatabaseRoot();
        services.AddPooledDbContextFactory<PlatformDbContext>(options => options
            .UseInMemoryDatabase("pipeline-bench", store)
            // The transaction behaviour opens one per command; the in-memory store has none and says so once per command.
            .ConfigureWarnings(warnings => warnings.Ignore(InMemoryEventId.TransactionIgnoredWarning)));
        services.AddScoped(sp => PlatformDbContext.Lease(sp.GetRequiredService<IDbContextFactory<PlatformDbContext>>()));
        services.AddScoped<IPlatformDbContext>(sp => sp.GetRequiredService<PlatformDbContext>());

        services.AddSingleton<ICommitVerifier, NoCommitVerifier>();
        services.AddSingleton<IDatabaseErrors, InMemoryDatabaseErrors>();
        services.AddSingleton<IIdempotencyKeys, FreshIdempotencyKeys>();
        services.AddSingleton<IExpiredIdempotencyKeys, NoExpiredIdempotencyKeys>();
        services.AddSingleton<BenchCaller>();
        services.AddSingleton<ICurrentUser>(sp => sp.GetRequiredService<BenchCaller>());
        services.AddSingleton<IRequestContext>(sp => sp.GetRequiredService<BenchCaller>());

        // Keys of the sizes the API derives (32 bytes each), so the HMAC and, for a secret-bearing response, AES-GCM run for real.
        services.Configure<IdempotencyOptions>(options =>
        {
            options.FingerprintKey = [.. Enumerable.Repeat((byte)7, 32)];
            options.ResponseKey = [.. Enumerable.Repeat((byte)9, StoredResponse.KeyBytes)];
        });

        services.AddScoped<IRequestHandler<CreateNoteCommand, NoteDto>, CreateNoteCommandHandler>();
        services.AddScoped<IRequestHandler<GetNoteQuery, NoteDto>, GetNoteQueryHandler>();
        services.AddValidatorsFromAssemblyContaining<CreateNoteCommandValidator>(ServiceLifetime.Singleton, includeInternalTypes: true);

        // No scope validation: the API runs without it in Production, and it costs on every resolution.
        return services.BuildServiceProvider();
    }
}
