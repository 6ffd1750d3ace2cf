using MediatR;
using Microsoft.Extensions.DependencyInjection;
using PipelineBench.Notes;
using Platform.Application.Common.Interfaces;

namespace PipelineBench;

/// <summary>
/// Run once before measuring: the figures mean something only if each request meets the behaviours it should, and
/// the command's rows really reach the store.
/// </summary>
internal static class PipelineCheck
{
    private static readonly string[] CommandPipeline =
        ["LoggingBehaviour", "AuthorizationBehaviour", "ValidationBehaviour", "TransactionBehaviour", "IdempotencyBehaviour", "AuditBehaviour"];

    private static readonly string[] QueryPipeline = ["LoggingBehaviour", "AuthorizationBehaviour", "ValidationBehaviour"];

    public static void Run(IServiceProvider services)
    {
        using (var scope = services.CreateScope())
        {
            Expect<CreateNoteCommand>(scope.ServiceProvider, CommandPipeline);
            Expect<GetNoteQuery>(scope.ServiceProvider, QueryPipeline);
        }

        Send(services, new CreateNoteCommand("check", "check", "check-key"));
        Send(services, new GetNoteQuery(Guid.CreateVersion7()));
        Send(services, new CreateNoteCommand("check", "check"));
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IPlatformDbContext>();
            var audits = db.AuditEntries.Count();
            var keys = db.IdempotencyRecords.Count();
            if (audits != 2 || keys != 1)
            {
                throw new InvalidOperationException($"Expected 2 audit rows and 1 idempotency key after the check, found {audits} and {keys}.");
            }

            // Leave the measured runs an empty store.
            db.Database.EnsureDeleted();
        }
    }

    private static void Expect<TRequest>(IServiceProvider services, string[] expected)
        where TRequest : IRequest<NoteDto>
    {
        var actual = services.GetServices<IPipelineBehavior<TRequest, NoteDto>>()
            .Select(b => b.GetType().Name.Split('`')[0])
            .ToArray();
        if (!actual.SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"{typeof(TRequest).Name} runs through [{string.Join(", ", actual)}], expected [{string.Join(", ", expected)}].");
        }
    }

    private static void Send<TResponse>(IServiceProvider services, IRequest<TResponse> request)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IMediator>().Send(request).GetAwaiter().GetResult();
    }
}
