using MediatR;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Identity.Commands.PruneEndedSessions;

internal sealed class PruneEndedSessionsCommandHandler(IEndedSessions endedSessions, IOptions<AuthOptions> options, TimeProvider timeProvider)
    : IRequestHandler<PruneEndedSessionsCommand, int>
{
    public async Task<int> Handle(PruneEndedSessionsCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowMicros();
        var cutoff = now - options.Value.SessionRetention;
        var total = 0;
        for (var batch = 0; batch < request.MaxBatches; batch++)
        {
            // The command is not transactional, so each batch is its own short transaction.
            var deleted = await endedSessions.DeleteBatchAsync(cutoff, request.BatchSize, cancellationToken);
            total += deleted;
            if (deleted < request.BatchSize)
            {
                break;
            }
        }

        await endedSessions.DeleteStaleLoginFailuresAsync(now.AddDays(-1), cancellationToken);
        return total;
    }
}
